using Workbench.Contracts.Options;
using Workbench.Contracts.Problems;

namespace Workbench.Algorithms.CmaEs;

/// <summary>Options with every "auto" resolved against one problem's dimension and bounds.</summary>
internal sealed record CmaSettings
{
    public required int Dimension { get; init; }

    public required Bounds Bounds { get; init; }

    /// <summary>λ of the first run, the base that IPOP and BIPOP scale.</summary>
    public required int DefaultLambda { get; init; }

    /// <summary>Parents, or null for ⌊λ/2⌋ of whatever λ a run has.</summary>
    public int? Mu { get; init; }

    public required double Sigma0 { get; init; }

    /// <summary>Largest standard deviation of each coordinate, or null for no cap.</summary>
    public double[]? MaxStd { get; init; }

    public required bool Active { get; init; }

    /// <summary>Start of the first run in problem coordinates, or null for uniform from the seed.</summary>
    public double[]? X0 { get; init; }

    public required RestartStrategy Restarts { get; init; }

    public required int MaxRestarts { get; init; }

    public required double TolFun { get; init; }

    public required double TolX { get; init; }

    public required double TolUpSigma { get; init; }

    public required double TolConditionCov { get; init; }

    public static int DefaultLambdaFor(int dimension) => 4 + (int)Math.Floor(3 * Math.Log(dimension));

    public static CmaSettings Resolve(CmaEsOptions options, int dimension, Bounds bounds)
    {
        var lambda = options.Lambda ?? DefaultLambdaFor(dimension);
        if (options.Mu is int mu && mu > lambda)
        {
            throw new OptionException("mu", $"option 'mu' = {mu} must not exceed lambda = {lambda}");
        }

        if (options.X0 is double[] x0)
        {
            CheckX0(x0, bounds);
        }

        double meanWidth = 0;
        for (var i = 0; i < dimension; i++)
        {
            meanWidth += bounds.Width(i) / dimension;
        }

        var sigma0 = options.Sigma0 ?? 0.3 * meanWidth;
        double[]? maxStd = null;
        var maxStdFraction = options.MaxStd ?? (1.0 / 3);
        if (maxStdFraction > 0)
        {
            maxStd = new double[dimension];
            for (var i = 0; i < dimension; i++)
            {
                maxStd[i] = maxStdFraction * bounds.Width(i);
            }
        }

        return new CmaSettings
        {
            Dimension = dimension,
            Bounds = bounds,
            DefaultLambda = lambda,
            Mu = options.Mu,
            Sigma0 = sigma0,
            MaxStd = maxStd,
            Active = options.Active,
            X0 = options.X0?.ToArray(),
            Restarts = options.Restarts,
            MaxRestarts = options.Restarts == RestartStrategy.None ? 0 : options.MaxRestarts,
            TolFun = options.TolFun ?? (options.Restarts == RestartStrategy.None ? 0 : 1e-11),
            TolX = options.TolX ?? 1e-11 * sigma0,
            TolUpSigma = options.TolUpSigma,
            TolConditionCov = options.TolConditionCov,
        };
    }

    private static void CheckX0(double[] x0, Bounds bounds)
    {
        if (x0.Length != bounds.Dimension)
        {
            throw new OptionException(
                "x0", $"option 'x0' has {x0.Length} values but the problem has dimension {bounds.Dimension}");
        }

        for (var i = 0; i < x0.Length; i++)
        {
            if (!(x0[i] >= bounds.Lower[i] && x0[i] <= bounds.Upper[i]))
            {
                throw new OptionException(
                    "x0", $"option 'x0': coordinate {i} = {OptionText.Format(x0[i])} lies outside the bounds " +
                          $"[{OptionText.Format(bounds.Lower[i])}, {OptionText.Format(bounds.Upper[i])}]");
            }
        }
    }
}
