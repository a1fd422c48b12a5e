using System.CommandLine;
using System.Globalization;
using Workbench.Engine.Evaluation;
using Workbench.Engine.Running;

namespace Workbench.Cli.Commands;

/// <summary>The options of <c>wb run</c> and their translation into a <see cref="RunRequest"/>.</summary>
internal sealed class RunOptions
{
    public Option<string> Algorithm { get; } = new("--algorithm", "-a") { Description = "Optimiser id (see wb plugins list)", Required = true };

    public Option<string> Problem { get; } = new("--problem", "-p") { Description = "Problem id (see wb plugins list)", Required = true };

    public Option<int> Dimension { get; } = new("--dim", "-d") { Description = "Problem dimension", Required = true };

    public Option<ulong?> Seed { get; } = new("--seed") { Description = "Random seed; a fresh one is drawn and printed when absent" };

    public Option<long?> MaxEvaluations { get; } = new("--max-evals") { Description = "Evaluation budget (never exceeded)" };

    public Option<long?> MaxIterations { get; } = new("--max-iters") { Description = "Iteration limit" };

    public Option<double?> Target { get; } = CheckedOptions.Finite("--target", "Stop once the best fitness is at or below this value");

    public Option<double?> TimeLimit { get; } = CheckedOptions.Seconds("--time-limit", "Wall-time limit in seconds");

    public Option<int?> Stagnation { get; } = new("--stagnation") { Description = "Stop after this many iterations without improvement" };

    public Option<int> Workers { get; } = new("--workers") { Description = "CPU threads for evaluation (1 = serial)", DefaultValueFactory = _ => Environment.ProcessorCount };

    public Option<DeviceChoice> Device { get; } = new("--device") { Description = "Where evaluations run: auto (default: a GPU for large batches when there is one and the problem has a kernel), cpu or gpu" };

    public Option<int?> GpuMinBatch { get; } = new Option<int?>("--gpu-min-batch") { Description = "With --device auto: smallest batch sent to the GPU (default 4096 points)" }.AtLeast(1);

    public Option<string[]> AlgorithmOptions { get; } = new("--option", "-o") { Description = "Algorithm option name=value (repeatable; see wb describe ID)" };

    public Option<string[]> ProblemOptions { get; } = new("--problem-option") { Description = "Problem option name=value (repeatable)" };

    public Option<string?> Bounds { get; } = new("--bounds") { Description = "Override the domain with LO:HI on every coordinate" };

    public Option<NonFinitePolicy> OnNonFinite { get; } = new("--on-nonfinite") { Description = "What a NaN or infinite fitness does: error (default) or worst" };

    public Option<EvaluationIsolation> Isolation { get; } = new("--isolation")
    {
        Description = "Where the problem's code runs: none (this process, the default) or process (a worker process of its own: a plugin that ends its process fails only the run)",
    };

    public Option<string?> Name { get; } = new("--name") { Description = "A name for the run" };

    public Option<string[]> Tags { get; } = new("--tag") { Description = "A tag for the run (repeatable)" };

    public IslandOptions Islands { get; } = new();

    public IEnumerable<Option> All =>
    [
        Algorithm, Problem, Dimension, Seed, MaxEvaluations, MaxIterations, Target, TimeLimit, Stagnation, Workers, Device, GpuMinBatch,
        AlgorithmOptions, ProblemOptions, Bounds, OnNonFinite, Isolation, Name, Tags, CheckedOptions.MaxMemory, ClusterOptions.Peers, ClusterOptions.NoLocal, ClusterOptions.OnPeerLoss,
        ClusterOptions.Distribute, .. Islands.All,
    ];

    public RunOptions()
    {
        // A parse error, not an exception: an exception thrown here escapes Parse as an unhandled crash.
        OnNonFinite.CustomParser = result =>
        {
            switch (result.Tokens.Single().Value.ToLowerInvariant())
            {
                case "error":
                    return NonFinitePolicy.Error;
                case "worst":
                    return NonFinitePolicy.TreatAsWorst;
                case var other:
                    result.AddError($"--on-nonfinite '{other}' is invalid: expected error or worst");
                    return default;
            }
        };
        Device.CustomParser = result =>
        {
            switch (result.Tokens.Single().Value.ToLowerInvariant())
            {
                case "auto":
                    return DeviceChoice.Auto;
                case "cpu":
                    return DeviceChoice.Cpu;
                case "gpu":
                    return DeviceChoice.Gpu;
                case var other:
                    result.AddError($"--device '{other}' is invalid: expected cpu, gpu or auto");
                    return default;
            }
        };
    }

    /// <summary>Builds the request. A run with no stopping criterion gets a budget of 10,000 × dimension evaluations.</summary>
    public RunRequest ToRequest(ParseResult parse, out bool seedWasDrawn)
    {
        var seed = parse.GetValue(Seed);
        seedWasDrawn = seed is null;
        var stop = new StopCriteria
        {
            MaxEvaluations = parse.GetValue(MaxEvaluations),
            MaxIterations = parse.GetValue(MaxIterations),
            Target = parse.GetValue(Target),
            TimeLimit = parse.GetValue(TimeLimit) is double s ? TimeSpan.FromSeconds(s) : null,
            StagnationIterations = parse.GetValue(Stagnation),
        };
        var dimension = parse.GetValue(Dimension);
        stop = RunDefaults.WithDefaultBudget(stop, dimension);

        return new RunRequest
        {
            AlgorithmId = parse.GetValue(Algorithm)!,
            AlgorithmOptions = KeyValues(parse.GetValue(AlgorithmOptions), "--option"),
            ProblemId = parse.GetValue(Problem)!,
            ProblemOptions = KeyValues(parse.GetValue(ProblemOptions), "--problem-option"),
            Dimension = dimension,
            Bounds = ParseBounds(parse.GetValue(Bounds)),
            Seed = seed ?? RunDefaults.FreshSeed(),
            Stop = stop,
            Evaluation = new EvaluationSettings
            {
                Workers = parse.GetValue(Workers),
                NonFinite = parse.GetValue(OnNonFinite),
                Device = parse.GetValue(Device),
                GpuMinBatch = parse.GetValue(GpuMinBatch),
                Peers = ClusterOptions.PeerTexts(parse),
                UseLocal = !parse.GetValue(ClusterOptions.NoLocal),
                OnPeerLoss = parse.GetValue(ClusterOptions.OnPeerLoss),
                Distribute = parse.GetValue(ClusterOptions.Distribute),
                Isolation = parse.GetValue(Isolation),
            },
            Name = parse.GetValue(Name),
            Tags = parse.GetValue(Tags) ?? [],
            Islands = Islands.ToSettings(parse),
            MaxMemoryBytes = parse.GetValue(CheckedOptions.MaxMemory),
        };
    }

    public static Dictionary<string, string> KeyValues(string[]? pairs, string flag)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var pair in pairs ?? [])
        {
            var eq = pair.IndexOf('=', StringComparison.Ordinal);
            if (eq <= 0)
            {
                throw new UsageException($"{flag} expects name=value, got '{pair}'");
            }

            if (pair[(eq + 1)..].Trim().Length == 0)
            {
                throw new UsageException($"{flag} '{pair}' has no value: expected name=value");
            }

            result[pair[..eq].Trim()] = pair[(eq + 1)..].Trim();
        }

        return result;
    }

    private static (double, double)? ParseBounds(string? text)
    {
        if (text is null)
        {
            return null;
        }

        var parts = text.Split(':');
        if (parts.Length == 2
            && double.TryParse(parts[0], NumberStyles.Float, CultureInfo.InvariantCulture, out var lo)
            && double.TryParse(parts[1], NumberStyles.Float, CultureInfo.InvariantCulture, out var hi))
        {
            return (lo, hi);
        }

        throw new UsageException($"--bounds '{text}' is invalid: expected LO:HI, for example -5:5");
    }
}
