using System.CommandLine;
using Workbench.Engine.Islands;
using Workbench.Engine.Running;

namespace Workbench.Cli.Commands;

/// <summary>The island-model options of <c>wb run</c>.</summary>
/// <remarks>Defaults come from <see cref="IslandSettings"/>, the one home of run-setting defaults.</remarks>
internal sealed class IslandOptions
{
    public Option<int?> Count { get; } = new("--islands") { Description = "Island model: number of sub-populations (1 = a single population)" };

    public Option<int> Interval { get; } = new("--migration-interval") { Description = "Generations between migrations", DefaultValueFactory = _ => IslandSettings.DefaultInterval };

    public Option<double> Rate { get; } = new("--migration-rate") { Description = "Fraction of each island's population sent (the best ⌈rate·size⌉)", DefaultValueFactory = _ => IslandSettings.DefaultRate };

    public Option<MigrationTopology> Topology { get; } = new("--topology") { Description = "Migration topology: ring (k → k+1) or fully-connected (each takes the best of all others' emigrants)" };

    public IslandOptions()
    {
        Topology.CustomParser = result =>
        {
            var text = result.Tokens.Single().Value;
            if (IslandTopology.Parse(text) is { } topology)
            {
                return topology;
            }

            // A parse error (not an exception) so that WbApp prints it as a one-line usage error, exit code 2.
            result.AddError($"--topology '{text}' is invalid: expected ring or fully-connected");
            return default;
        };
    }

    public IEnumerable<Option> All => [Count, Interval, Rate, Topology];

    /// <summary>Island settings when --islands (or another island option) was given, else null. The settings are
    /// validated by the planner, so bad values exit with code 2 and a message naming the option.</summary>
    public IslandSettings? ToSettings(ParseResult parse)
    {
        var given = All.Any(option => parse.GetResult(option) is { Implicit: false });
        if (!given)
        {
            return null;
        }

        return new IslandSettings(parse.GetValue(Count) ?? 1, parse.GetValue(Interval), parse.GetValue(Rate), parse.GetValue(Topology));
    }
}
