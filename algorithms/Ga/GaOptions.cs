using Workbench.Contracts.Options;

namespace Workbench.Algorithms.Ga;

public enum GaCrossover
{
    /// <summary>Simulated binary crossover, bounded form (Deb and Agrawal 1995; Deb's NSGA-II code, pagmo).</summary>
    Sbx,

    /// <summary>Blend crossover BLX-alpha (Eshelman and Schaffer 1993): each child gene uniform in the parents'
    /// interval widened by alpha times its length on both sides.</summary>
    Blx,
}

public enum GaMutation
{
    /// <summary>Bounded polynomial mutation (Deb and Goyal 1996, as in pagmo's sga).</summary>
    Polynomial,

    /// <summary>Adds N(0, (mutation-sigma x domain width)^2), then clamps to the bounds.</summary>
    Gaussian,
}

public sealed class GaOptions : IValidatableOptions
{
    [Option("population", "Individuals per generation", Min = 2, Max = 10_000_000)]
    public int Population { get; init; } = 100;

    // Why 1% by default: with tournaments of two, an elite of 1 (pagmo's default) left Schwefel 10-D at a median of
    // about 1e-2 after 1000 x 2000; keeping the best 1% (10) reached 1e-5, and it also shelters island migrants.
    [Option("elite", "Best individuals copied unchanged into the next generation (not re-evaluated); auto = 1% of population, at least 1", Min = 0)]
    public int? Elite { get; init; }

    [Option("tournament-size", "Individuals drawn (with replacement) per tournament; the best becomes a parent", Min = 1)]
    public int TournamentSize { get; init; } = 2;

    [Option("crossover", "Crossover operator: sbx or blx")]
    public GaCrossover Crossover { get; init; } = GaCrossover.Sbx;

    [Option("crossover-rate", "Probability that a pair of parents is crossed (otherwise the children are copies)", Min = 0, Max = 1)]
    public double CrossoverRate { get; init; } = 0.9;

    [Option("eta-c", "SBX distribution index: larger keeps children closer to their parents", Min = 0)]
    public double EtaC { get; init; } = 15;

    [Option("blx-alpha", "BLX-alpha widening of the parents' interval", Min = 0, Max = 10)]
    public double BlxAlpha { get; init; } = 0.5;

    // Gaussian with sigma 0.02 won the suite campaign (README "Defaults chosen on a suite"): the largest area under
    // the runtime ECDF over bbob and the built-in benchmarks in 2, 5 and 10-D, ahead of polynomial in every dimension.
    [Option("mutation", "Mutation operator: polynomial or gaussian")]
    public GaMutation Mutation { get; init; } = GaMutation.Gaussian;

    [Option("mutation-rate", "Probability that each gene mutates; auto = 1 / dimension", Min = 0, Max = 1)]
    public double? MutationRate { get; init; }

    [Option("eta-m", "Polynomial mutation distribution index: larger gives smaller steps", Min = 0)]
    public double EtaM { get; init; } = 20;

    [Option("mutation-sigma", "Gaussian mutation standard deviation, as a fraction of each coordinate's domain width", Min = 0, MinExclusive = true, Max = 10)]
    public double MutationSigma { get; init; } = 0.02;

    public double ResolvedMutationRate(int dimension) => MutationRate ?? (1.0 / dimension);

    public int ResolvedElite => Elite ?? Math.Max(1, (Population + 99) / 100);

    public IEnumerable<OptionError> Validate()
    {
        if (ResolvedElite >= Population)
        {
            yield return new OptionError("elite", $"option 'elite' = {ResolvedElite} must be smaller than 'population' = {Population}: at least one offspring per generation");
        }

        if (TournamentSize > Population)
        {
            yield return new OptionError("tournament-size", $"option 'tournament-size' = {TournamentSize} must be at most 'population' = {Population}");
        }
    }
}
