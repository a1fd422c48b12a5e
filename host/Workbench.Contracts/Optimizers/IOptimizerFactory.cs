using Workbench.Contracts.Options;

namespace Workbench.Contracts.Optimizers;

/// <summary>Creates optimisers from specs: (id, options, seed) recreates the same optimiser anywhere.</summary>
public interface IOptimizerFactory
{
    /// <summary>Stable, lower-case id such as <c>cmaes</c>.</summary>
    string Id { get; }

    string Description { get; }

    OptionSchema Options { get; }

    IOptimizer Create(ProblemInfo problem, OptionValues options, ulong seed);
}
