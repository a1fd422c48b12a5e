namespace Workbench.Engine.Archive;

/// <summary>The read (and edit) side of the run store, for the CLI and the terminal UI.</summary>
/// <remarks>A run whose status is still <c>Running</c> but whose process is gone is reported as <c>Interrupted</c>.</remarks>
public interface IRunArchive : IDisposable
{
    /// <summary>The database file, for messages.</summary>
    string Path { get; }

    IReadOnlyList<RunRecord> List(RunQuery query);

    /// <summary>The run whose id is <paramref name="idOrPrefix"/> or starts with it.</summary>
    /// <exception cref="RunIdException">no run, or more than one, matches.</exception>
    RunRecord Get(string idOrPrefix);

    RunHistory LoadHistory(string runId);

    /// <summary>Deletes runs and their histories; returns how many were deleted.</summary>
    int Delete(IEnumerable<string> runIds);

    /// <summary>Adds a tag to a run (no-op when it has it already).</summary>
    void Tag(string runId, string tag);
}

/// <summary>An id or prefix that names no run, or several.</summary>
public sealed class RunIdException(string message, IReadOnlyList<string> matches) : Exception(message)
{
    /// <summary>The ids that matched an ambiguous prefix (empty when none matched).</summary>
    public IReadOnlyList<string> Matches { get; } = matches;
}
