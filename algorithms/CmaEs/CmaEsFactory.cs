using Workbench.Contracts.Optimizers;

namespace Workbench.Algorithms.CmaEs;

/// <summary>Creates CMA-ES optimisers from (options, seed).</summary>
public sealed class CmaEsFactory : OptimizerFactory<CmaEsOptions>
{
    public override string Id => "cmaes";

    public override string Description =>
        "(mu/mu_w, lambda)-CMA-ES (Hansen's tutorial defaults) with optional IPOP/BIPOP restarts";

    protected override IOptimizer Create(ProblemInfo problem, CmaEsOptions options, ulong seed) =>
        new CmaEsOptimizer(CmaSettings.Resolve(options, problem.Dimension, problem.Bounds), seed);
}
