using Workbench.Contracts.Options;

namespace Workbench.Algorithms.CmaEs;

/// <summary>Options of the CMA-ES optimiser. Defaults follow pycma where it has one.</summary>
public sealed class CmaEsOptions : IValidatableOptions
{
    [Option("sigma0", "Initial step size; auto = 0.3 x mean domain width", Min = 0, MinExclusive = true)]
    public double? Sigma0 { get; set; }

    [Option("lambda", "Population size of the first run; auto = 4 + floor(3 ln n)", Min = 2)]
    public int? Lambda { get; set; }

    [Option("mu", "Parents used in recombination; auto = floor(lambda / 2)", Min = 1)]
    public int? Mu { get; set; }

    [Option("active", "Active CMA: negative weights for the worst steps in the rank-mu update (tutorial default)")]
    public bool Active { get; set; } = true;

    // pycma caps each coordinate at a third of its bound width (maxstd_boundrange): with the periodic bound
    // transform a wider distribution sees a landscape that repeats, and step-size control can drift up for good.
    [Option("max-std", "Cap on each coordinate's standard deviation, as a fraction of its bound width; auto = 1/3, 0 = no cap", Min = 0)]
    public double? MaxStd { get; set; }

    // Why ipop: chosen on the bbob suite (issue 15; README "Defaults chosen on a suite"): the largest area under the
    // runtime ECDF in every dimension and group, and 98 (function, dimension) pairs solved against 72 without restarts.
    [Option("restarts", "Restart strategy when a run terminates internally")]
    public RestartStrategy Restarts { get; set; } = RestartStrategy.Ipop;

    [Option("max-restarts", "Most restarts for ipop/bipop before the optimiser stops", Min = 0)]
    public int MaxRestarts { get; set; } = 9;

    [Option("x0", "Initial mean of the first run; auto = uniform in the bounds from the seed")]
    public double[]? X0 { get; set; }

    // Why auto: with restarts, tolfun is what ends a run stuck in a local minimum early, so the next run gets
    // the budget (pycma's 1e-11). Without restarts it would only end a converging run before the limits the
    // user set (the paper's fixed 150 iterations reach 1e-27 on Rosenbrock; tolfun stops them near 1e-14).
    [Option("tolfun", "Stop when the f-range of the generation and of recent best values is below this; auto = 1e-11 with restarts, off without", Min = 0)]
    public double? TolFun { get; set; }

    [Option("tolx", "Stop when every sigma * sqrt(C_ii) and sigma * pc_i is below this; auto = 1e-11 x sigma0", Min = 0)]
    public double? TolX { get; set; }

    [Option("tolupsigma", "Stop when sigma / sigma0 exceeds this times the largest sqrt eigenvalue of C", Min = 0, MinExclusive = true)]
    public double TolUpSigma { get; set; } = 1e20;

    [Option("tol-condition-cov", "Stop when the condition number of C exceeds this", Min = 1)]
    public double TolConditionCov { get; set; } = 1e14;

    public IEnumerable<OptionError> Validate()
    {
        if (Mu is int mu && Lambda is int lambda && mu > lambda)
        {
            yield return new OptionError("mu", $"option 'mu' = {mu} must not exceed option 'lambda' = {lambda}");
        }
    }
}
