using System.Globalization;
using Workbench.Contracts.Problems;
using Workbench.Engine;
using Workbench.Engine.Running;

namespace Workbench.Tui.Forms;

/// <summary>The run settings shared by every algorithm and problem: dimension, seed, stopping criteria, workers,
/// device and islands. Turns the form into the same <see cref="RunRequest"/> that <c>wb run</c> builds.</summary>
public sealed class RunSettingsForm
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    public RunSettingsForm(ulong seed)
    {
        Dimension = new FormField("dim", "10", "an integer >= 1", "Problem dimension", t => Integer(t, 1, "dim", optional: false));
        Seed = new FormField("seed", seed.ToString(Inv), "an integer >= 0 (F7: new)", "Random seed", CheckSeed);
        MaxEvaluations = new FormField("max-evals", "", "an integer >= 1 or empty", "Evaluation budget; empty with no other limit means 10,000 x dim", t => Integer(t, 1, "max-evals", max: long.MaxValue));
        MaxIterations = new FormField("max-iters", "", "an integer >= 1 or empty", "Iteration limit", t => Integer(t, 1, "max-iters", max: long.MaxValue));
        Target = new FormField("target", "", "a real or empty", "Stop once best <= target", t => Real(t, null, "target"));
        TimeLimit = new FormField("time-limit", "", "seconds > 0 or empty", "Wall-time limit in seconds", t => Real(t, 0, "time-limit"));
        Stagnation = new FormField("stagnation", "", "an integer >= 1 or empty", "Stop after this many iterations without improvement", t => Integer(t, 1, "stagnation"));
        Workers = new FormField("workers", Environment.ProcessorCount.ToString(Inv), "an integer >= 1", "CPU threads for evaluation (1 = serial)", t => Integer(t, 1, "workers", optional: false));
        Device = new FormField("device", "auto", "one of auto, cpu, gpu", "Where evaluations run", t => Enum.TryParse<DeviceChoice>(t.Trim(), true, out _) ? null : $"device '{t}' is invalid: expected auto, cpu or gpu")
        {
            Choices = ["auto", "cpu", "gpu"],
        };
        Islands = new FormField("islands", "1", "an integer >= 1", "Number of islands (1 = no island model)", t => Integer(t, 1, "islands", optional: false));
        MigrationInterval = new FormField("migr-every", IslandSettings.DefaultInterval.ToString(Inv), "an integer >= 1", "Iterations between migrations", t => Integer(t, 1, "migration-interval", optional: false));
        MigrationRate = new FormField("migr-rate", IslandSettings.DefaultRate.ToString(Inv), "a real in [0, 1]", "Share of an island that migrates", t => Real(t, 0, "migration-rate", max: 1, optional: false));
        Peers = new FormField("peers", Environment.GetEnvironmentVariable("WORKBENCH_PEERS") ?? "", "HOST:PORT,... or @FILE, or empty", "Peers that share the evaluations (empty: this machine only)", CheckPeers);
        Topology = new FormField("topology", "ring", "one of ring, full", "Who migrates to whom", t => t.Trim() is "ring" or "full" ? null : $"topology '{t}' is invalid: expected ring or full")
        {
            Choices = ["ring", "full"],
        };
    }

    public FormField Dimension { get; }

    public FormField Seed { get; }

    public FormField MaxEvaluations { get; }

    public FormField MaxIterations { get; }

    public FormField Target { get; }

    public FormField TimeLimit { get; }

    public FormField Stagnation { get; }

    public FormField Workers { get; }

    public FormField Device { get; }

    public FormField Islands { get; }

    public FormField MigrationInterval { get; }

    public FormField MigrationRate { get; }

    public FormField Topology { get; }

    public FormField Peers { get; }

    public IReadOnlyList<FormField> Fields =>
    [
        Dimension, Seed, MaxEvaluations, MaxIterations, Target, TimeLimit, Stagnation, Workers, Device, Peers, Islands,
        MigrationInterval, MigrationRate, Topology,
    ];

    /// <summary>Checks the dimension against the problem's range as well as its own syntax.</summary>
    public string? DimensionError(DimensionRange range) =>
        Dimension.Error ?? (range.Contains(int.Parse(Dimension.Text.Trim(), Inv)) ? null : $"dim: the problem takes dimension {range}");

    /// <summary>Builds the request, or returns the errors of every invalid field (and of the plugin option forms).</summary>
    public RunRequest? ToRequest(string algorithmId, OptionForm algorithm, string problemId, OptionForm problem, DimensionRange range, out IReadOnlyList<string> errors)
    {
        var list = Fields.Where(f => f != Dimension).Select(f => f.Error).Append(DimensionError(range))
            .Concat(algorithm.Errors).Concat(problem.Errors).OfType<string>().ToList();
        errors = list;
        if (list.Count > 0)
        {
            return null;
        }

        var dimension = int.Parse(Dimension.Text.Trim(), Inv);
        var stop = new StopCriteria
        {
            MaxEvaluations = OptionalLong(MaxEvaluations),
            MaxIterations = OptionalLong(MaxIterations),
            Target = OptionalDouble(Target),
            TimeLimit = OptionalDouble(TimeLimit) is double s ? TimeSpan.FromSeconds(s) : null,
            StagnationIterations = (int?)OptionalLong(Stagnation),
        };
        var islands = int.Parse(Islands.Text.Trim(), Inv);
        return new RunRequest
        {
            AlgorithmId = algorithmId,
            AlgorithmOptions = algorithm.ChangedValues(),
            ProblemId = problemId,
            ProblemOptions = problem.ChangedValues(),
            Dimension = dimension,
            Seed = ulong.Parse(Seed.Text.Trim(), Inv),
            Stop = RunDefaults.WithDefaultBudget(stop, dimension),
            Evaluation = new EvaluationSettings
            {
                Workers = int.Parse(Workers.Text.Trim(), Inv),
                Device = Enum.Parse<DeviceChoice>(Device.Text.Trim(), true),
                Peers = PeerList(Peers.Text),
            },
            Islands = islands > 1
                ? new IslandSettings(islands, int.Parse(MigrationInterval.Text.Trim(), Inv), double.Parse(MigrationRate.Text.Trim(), Inv),
                    Topology.Text.Trim() == "full" ? MigrationTopology.FullyConnected : MigrationTopology.Ring)
                : null,
            Tags = ["tui"],
        };
    }

    public void NewSeed() => Seed.Text = RunDefaults.FreshSeed().ToString(Inv);

    /// <summary>The peers as typed; addresses are checked by the planner, which names a bad one on the message line.</summary>
    internal static string[] PeerList(string text) => text.Trim().StartsWith('@')
        ? [text.Trim()]
        : text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    internal static string? CheckPeers(string text) =>
        PeerList(text).Any(p => p.Any(char.IsWhiteSpace)) ? $"peers '{text}' is invalid: expected HOST:PORT,... separated by commas" : null;

    private static long? OptionalLong(FormField f) => f.Text.Trim().Length == 0 ? null : long.Parse(f.Text.Trim(), Inv);

    private static double? OptionalDouble(FormField f) => f.Text.Trim().Length == 0 ? null : double.Parse(f.Text.Trim(), Inv);

    private static string? CheckSeed(string text) =>
        ulong.TryParse(text.Trim(), NumberStyles.Integer, Inv, out _) ? null : $"seed '{text}' is invalid: expected an integer >= 0";

    private static string? Integer(string text, long min, string name, bool optional = true, long max = int.MaxValue)
    {
        var t = text.Trim();
        if (t.Length == 0)
        {
            return optional ? null : $"{name} is required";
        }

        return long.TryParse(t, NumberStyles.Integer, Inv, out var v) && v >= min && v <= max
            ? null
            : $"{name} '{t}' is invalid: expected an integer >= {min}";
    }

    private static string? Real(string text, double? exclusiveMin, string name, double? max = null, bool optional = true)
    {
        var t = text.Trim();
        if (t.Length == 0)
        {
            return optional ? null : $"{name} is required";
        }

        if (!double.TryParse(t, NumberStyles.Float, Inv, out var v) || !double.IsFinite(v))
        {
            return $"{name} '{t}' is invalid: expected a number";
        }

        if (max is double hi)
        {
            return v >= (exclusiveMin ?? double.NegativeInfinity) && v <= hi ? null : $"{name} '{t}' is invalid: expected a value in [{exclusiveMin}, {hi}]";
        }

        return exclusiveMin is double lo && v <= lo ? $"{name} '{t}' is invalid: expected a value > {lo}" : null;
    }
}
