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

    /// <summary>The covariance, its eigenvectors and a work copy (3 n²), and λ points with their steps (3 λ n).</summary>
    protected override long? EstimateBytes(int dimension, CmaEsOptions options)
    {
        var n = (double)dimension;
        var lambda = options.Lambda ?? CmaSettings.DefaultLambdaFor(Math.Max(1, dimension));
        return (long)Math.Min(long.MaxValue / 2, 8 * ((3 * n * n) + (3 * lambda * n) + (20 * n)));
    }
}
