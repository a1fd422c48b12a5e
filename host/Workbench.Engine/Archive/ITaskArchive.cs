using Workbench.Engine.Running;

namespace Workbench.Engine.Archive;

/// <summary>The read side of stored parallel-task runs, beside <see cref="IRunArchive"/> (the run store implements both).</summary>
/// <remarks>A task still <c>Running</c> whose process is gone is reported as <c>Interrupted</c>, as runs are.</remarks>
public interface ITaskArchive
{
    /// <summary>Newest first.</summary>
    IReadOnlyList<TaskRunRecord> ListTasks(TaskRunQuery query);

    /// <summary>The task run whose id is <paramref name="idOrPrefix"/> or starts with it.</summary>
    /// <exception cref="RunIdException">no task run, or more than one, matches.</exception>
    TaskRunRecord GetTask(string idOrPrefix);
}

/// <summary>Which stored task runs to list. Null fields do not filter.</summary>
public sealed record TaskRunQuery
{
    public string? TaskId { get; init; }

    public RunStatus? Status { get; init; }

    public DateTimeOffset? Since { get; init; }

    public int? Limit { get; init; }
}
