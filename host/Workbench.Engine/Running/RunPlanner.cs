using Workbench.Contracts.Optimizers;
using Workbench.Contracts.Options;
using Workbench.Contracts.Problems;
using Workbench.Contracts.Randomness;
using Workbench.Engine.Catalog;
using Workbench.Engine.Evaluation;
using Workbench.Engine.Islands;
using Workbench.Engine.Specs;

namespace Workbench.Engine.Running;

/// <summary>Turns a <see cref="RunRequest"/> into a <see cref="PreparedRun"/>: finds the factories, parses and
/// checks every option, creates the guarded problem, the optimiser and the evaluator.</summary>
/// <remarks>Everything the user can get wrong surfaces here as a <see cref="RunSetupException"/> before any
/// evaluation happens; a plugin that throws while being created surfaces as a <see cref="PluginFailureException"/>.</remarks>
public sealed class RunPlanner
{
    private readonly IComponentCatalog _catalog;
    private readonly IEvaluatorProvider _evaluators;
    private readonly TimeProvider _time;

    public RunPlanner(IComponentCatalog catalog, IEvaluatorProvider evaluators, TimeProvider? time = null)
    {
        _catalog = catalog;
        _evaluators = evaluators;
        _time = time ?? TimeProvider.System;
    }

    public PreparedRun Prepare(RunRequest request)
    {
        request.Stop.Validate();
        Validation.InputRules.CheckLabels(request.Name, request.Tags);
        request.Islands?.Validate();
        var problemEntry = _catalog.Problem(request.ProblemId);
        var algorithmEntry = _catalog.Optimizer(request.AlgorithmId);
        var problemFactory = problemEntry.Factory;
        if (!problemFactory.Dimensions.Contains(request.Dimension))
        {
            throw new RunSetupException("dim", $"problem '{problemFactory.Id}' takes dimension {problemFactory.Dimensions}, not {request.Dimension}");
        }

        var problemOptions = SpecResolver.Parse(problemFactory.Options, request.ProblemOptions, $"problem {problemFactory.Id}");
        var algorithmOptions = SpecResolver.Parse(algorithmEntry.Factory.Options, request.AlgorithmOptions, $"algorithm {algorithmEntry.Factory.Id}");
        // Before the problem or the optimiser allocates anything: an absurd dimension or population is refused at once.
        var islandCount = request.Islands?.Count ?? 1;
        MemoryBudget.Check(
            $"algorithm {algorithmEntry.Factory.Id} on {request.Dimension} dimensions{(islandCount > 1 ? $" × {islandCount} islands" : "")}",
            MemoryBudget.EstimateRun(algorithmEntry.Factory, request.Dimension, algorithmOptions, islandCount),
            request.MaxMemoryBytes);
        var bounds = BoundsOf(request);
        var problem = PluginCall.Create(problemEntry.Origin, $"problem '{problemFactory.Id}'", () => problemFactory.Create(problemOptions, request.Dimension, bounds));
        var spec = SpecResolver.Describe(problemEntry, problemOptions, request.Dimension, bounds, problem, request.Evaluation.NonFinite);
        var guard = new ProblemGuard(problem, problemEntry.Origin.PluginId, request.Evaluation.NonFinite, spec);
        var info = new ProblemInfo(problem.Id, problem.Dimension, problem.Bounds);
        var optimizer = CreateOptimizer(algorithmEntry, algorithmOptions, info, request);
        var evaluator = IslandsOnSlots(request, optimizer, algorithmEntry, algorithmOptions, guard) ?? _evaluators.Create(guard, request.Evaluation);
        var description = new RunDescription
        {
            RunId = Guid.CreateVersion7(_time.GetUtcNow()).ToString("N"),
            Name = request.Name,
            Tags = request.Tags,
            Algorithm = new ComponentUse(algorithmEntry.Factory.Id, algorithmEntry.Origin, algorithmOptions.ToText()),
            Problem = new ComponentUse(problemFactory.Id, problemEntry.Origin, problemOptions.ToText()),
            Seed = request.Seed,
            Dimension = request.Dimension,
            Lower = problem.Bounds.Lower.ToArray(),
            Upper = problem.Bounds.Upper.ToArray(),
            BoundsOverridden = bounds is not null,
            Stop = request.Stop,
            Evaluator = evaluator.Name,
            Workers = evaluator.Workers,
            Device = evaluator.Device,
            NonFinitePolicy = request.Evaluation.NonFinite,
            Islands = request.Islands,
            IslandsMigrate = (optimizer as IslandOptimizer)?.Migrates,
            ExtraNames = optimizer.ExtraNames.ToArray(),
            StartedAt = _time.GetUtcNow(),
            Machine = MachineInfo.Current,
            KnownOptimum = problem.Optimum?.Value,
        };
        return new PreparedRun(description, guard, optimizer, evaluator);
    }

    private static IOptimizer CreateOptimizer(Registered<IOptimizerFactory> entry, OptionValues options, ProblemInfo info, RunRequest request)
    {
        var what = $"algorithm '{entry.Factory.Id}'";
        if (request.Islands is not { Count: > 1 } islands)
        {
            // One island is the plain optimiser with the run's own seed, so `--islands 1` repeats a plain run.
            return PluginCall.Create(entry.Origin, what, () => entry.Factory.Create(info, options, request.Seed));
        }

        var members = new IOptimizer[islands.Count];
        for (var k = 0; k < members.Length; k++)
        {
            var seed = IslandSeed(request.Seed, k);
            members[k] = PluginCall.Create(entry.Origin, what, () => entry.Factory.Create(info, options, seed));
        }

        return new IslandOptimizer(members, islands, request.Evaluation.Workers);
    }

    /// <summary>The evaluator that places whole islands on slots, when the run has islands and peers and asks for
    /// that distribution; null for every other run.</summary>
    private IEvaluator? IslandsOnSlots(RunRequest request, IOptimizer optimizer, Registered<IOptimizerFactory> entry, OptionValues options, ProblemGuard guard)
    {
        if (optimizer is not IslandOptimizer islands || request.Evaluation.Peers.Count == 0
            || request.Evaluation.Distribute != Distribution.Islands || _evaluators is not IIslandEvaluatorProvider provider)
        {
            return null;
        }

        var seeds = Enumerable.Range(0, islands.Islands.Count).Select(k => IslandSeed(request.Seed, k)).ToArray();
        var spec = ComponentSpec.Of("optimizer", entry.Factory.Id, entry.Origin, options.ToText());
        return provider.CreateForIslands(guard, request.Evaluation, new IslandLayout(islands, spec, seeds, request.Stop));
    }

    /// <summary>Island k's seed: derived from the run's, so islands differ yet the run repeats.</summary>
    public static ulong IslandSeed(ulong runSeed, int island) => Seeds.Derive(runSeed, "island", (ulong)island);

    private static Bounds? BoundsOf(RunRequest request)
    {
        if (request.Bounds is not (double lo, double hi))
        {
            return null;
        }

        // The width must be finite too: optimisers sample and step across it, and -1e308:1e308 overflows.
        if (!double.IsFinite(lo) || !double.IsFinite(hi) || !(lo < hi) || !double.IsFinite(hi - lo))
        {
            throw new RunSetupException("bounds", $"bounds {lo}:{hi} is invalid: expected LO:HI with finite LO < HI");
        }

        return Bounds.Uniform(request.Dimension, lo, hi);
    }
}
