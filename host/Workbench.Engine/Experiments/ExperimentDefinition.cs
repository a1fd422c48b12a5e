using Workbench.Engine.Running;

namespace Workbench.Engine.Experiments;

/// <summary>A named comparison: several run settings, each repeated over seeds 1..N, judged by the final best
/// fitness against a success threshold.</summary>
public sealed record ExperimentDefinition(string Id, string Title, double SuccessThreshold, IReadOnlyList<ExperimentSetting> Settings);

/// <summary>One configuration of an experiment: a run request whose seed is filled in per repetition.</summary>
/// <param name="Reference">A published median final best to compare with, if any.</param>
/// <param name="ReferenceSource">Where <paramref name="Reference"/> comes from.</param>
public sealed record ExperimentSetting(string Label, RunRequest Template, double? Reference = null, string? ReferenceSource = null)
{
    public RunRequest ForSeed(ulong seed) => Template with { Seed = seed };
}
