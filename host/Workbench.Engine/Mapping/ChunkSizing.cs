namespace Workbench.Engine.Mapping;

/// <summary>How many jobs the next chunk of a slot gets.</summary>
public static class ChunkSizing
{
    /// <summary>Enough jobs for about the target time at the slot's measured seconds per job (one job while
    /// nothing is measured yet), but no more than a fair share of what is left, so the last chunks spread over
    /// all slots instead of one slot finishing a big chunk alone.</summary>
    public static int Next(double? secondsPerJob, int remaining, int slots, MapSettings settings)
    {
        if (remaining <= 0)
        {
            return 0;
        }

        var wanted = secondsPerJob is double s
            ? (s <= 0 ? settings.MaxChunkSize : (int)Math.Min(settings.MaxChunkSize, Math.Max(1, settings.TargetChunkTime.TotalSeconds / s)))
            : 1;
        var fairShare = Math.Max(1, (remaining + (2 * slots) - 1) / (2 * Math.Max(1, slots)));
        return Math.Max(1, Math.Min(wanted, Math.Min(fairShare, remaining)));
    }
}
