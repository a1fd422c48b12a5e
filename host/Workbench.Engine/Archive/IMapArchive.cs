using Workbench.Engine.Running;

namespace Workbench.Engine.Archive;

/// <summary>The read side of stored maps, beside <see cref="ITaskArchive"/> (the run store implements both).</summary>
/// <remarks>A map still <c>Running</c> whose process is gone is reported as <c>Interrupted</c>, as runs are.</remarks>
public interface IMapArchive
{
    /// <summary>Newest first; at most <paramref name="limit"/> when given, only those of <paramref name="jobId"/> when given.</summary>
    IReadOnlyList<MapRunRecord> ListMaps(string? jobId = null, int? limit = null);
}
