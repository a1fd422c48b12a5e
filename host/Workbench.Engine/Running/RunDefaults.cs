using System.Security.Cryptography;

namespace Workbench.Engine.Running;

/// <summary>Defaults the CLI and the terminal UI share, so a run started from either is the same run.</summary>
public static class RunDefaults
{
    /// <summary>Evaluations per dimension given to a run that names no stopping criterion.</summary>
    public const long EvaluationsPerDimension = 10_000;

    /// <summary>A fresh seed below 2^53, so it survives a round trip through any JSON reader.</summary>
    public static ulong FreshSeed() => BitConverter.ToUInt64(RandomNumberGenerator.GetBytes(8)) >> 11;

    /// <summary>The criteria as given, or a budget of 10,000 × dimension evaluations when none is set.</summary>
    public static StopCriteria WithDefaultBudget(StopCriteria stop, int dimension) =>
        stop.HasAnyLimit ? stop : stop with { MaxEvaluations = EvaluationsPerDimension * Math.Max(1, dimension) };
}
