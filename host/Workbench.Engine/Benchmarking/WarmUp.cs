using System.Diagnostics;

namespace Workbench.Engine.Benchmarking;

/// <summary>Untimed rounds before a measurement. Tiered JIT recompiles hot code at full optimisation only after it
/// has run a while, and more slowly when the measured work keeps every core busy: a fixed small number of rounds
/// left peers' round trips, heat nodes and the overhead experiment measured in unoptimised code (see each caller's
/// default for what it cost there).</summary>
public static class WarmUp
{
    /// <summary>Runs <paramref name="round"/> at least once and until <paramref name="duration"/> has passed.</summary>
    public static void For(TimeSpan duration, Action round)
    {
        var warming = Stopwatch.StartNew();
        do
        {
            round();
        }
        while (warming.Elapsed < duration);
    }

    /// <inheritdoc cref="For(TimeSpan, Action)"/>
    public static async Task ForAsync(TimeSpan duration, Func<Task> round)
    {
        var warming = Stopwatch.StartNew();
        do
        {
            await round().ConfigureAwait(false);
        }
        while (warming.Elapsed < duration);
    }
}
