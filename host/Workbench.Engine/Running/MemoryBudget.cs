using System.Globalization;
using Workbench.Contracts;
using Workbench.Contracts.Options;

namespace Workbench.Engine.Running;

/// <summary>The one rule that refuses work that would not fit in memory, checked from the settings before anything
/// is allocated: a run (the optimiser's own estimate × islands, plus the host's buffers of a batch and of the
/// problem's bounds) or a parallel task (the task's estimate).</summary>
public static class MemoryBudget
{
    /// <summary>What the host itself holds per coordinate of a run: bounds, best point, extras, guard copies.</summary>
    private const long HostBytesPerCoordinate = 8 * 8;

    /// <summary>The limit: the one given, else the memory this process may use (physical memory or the container's
    /// limit, as the GC sees it).</summary>
    public static long Limit(long? maxBytes) => maxBytes ?? GC.GetGCMemoryInfo().TotalAvailableMemoryBytes;

    /// <summary>Estimated peak bytes of a run; an optimiser that cannot tell counts as one batch of 100 points.</summary>
    public static double EstimateRun(object algorithmFactory, int dimension, OptionValues options, int islands)
    {
        var own = (algorithmFactory as IMemoryEstimate)?.EstimateBytes(dimension, options) ?? (8.0 * 100 * dimension);
        return (Math.Max(1, islands) * (double)own) + (HostBytesPerCoordinate * (double)dimension);
    }

    /// <summary>Throws a <see cref="RunSetupException"/> (subject <c>max-memory</c>) when the estimate is over the limit.</summary>
    public static void Check(string what, double estimate, long? maxBytes)
    {
        var limit = Limit(maxBytes);
        if (estimate > limit)
        {
            throw new RunSetupException("max-memory",
                $"{what} would need about {Format(estimate)} of memory, over the limit of {Format(limit)}" +
                $"{(maxBytes is null ? " (this machine's)" : " (--max-memory)")}; make it smaller, or raise the limit with --max-memory");
        }
    }

    public static string Format(double bytes) => bytes switch
    {
        >= 1e12 => (bytes / 1e12).ToString("0.#", CultureInfo.InvariantCulture) + " TB",
        >= 1e9 => (bytes / 1e9).ToString("0.#", CultureInfo.InvariantCulture) + " GB",
        _ => (bytes / 1e6).ToString("0.#", CultureInfo.InvariantCulture) + " MB",
    };
}
