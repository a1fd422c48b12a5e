using Workbench.Engine.Running;

namespace Workbench.Engine.Archive;

/// <summary>Which stored runs to list. Null fields do not filter. Newest first.</summary>
public sealed record RunQuery
{
    public string? AlgorithmId { get; init; }

    public string? ProblemId { get; init; }

    public RunStatus? Status { get; init; }

    public string? Tag { get; init; }

    public DateTimeOffset? Since { get; init; }

    public int? Limit { get; init; }
}
