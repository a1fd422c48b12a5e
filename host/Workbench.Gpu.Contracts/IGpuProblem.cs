namespace Workbench.Gpu.Contracts;

/// <summary>An optional capability of a problem (an <c>IProblem</c> of Workbench.Contracts): it can also evaluate
/// its batches with an ILGPU kernel, one GPU thread per point, in the same row-major layout as its CPU path.</summary>
/// <remarks>
/// Why a visitor: the host does not know the plugin's objective type, yet needs it as a generic type argument to
/// compile <see cref="GpuBatchKernel.Evaluate{TObjective}"/>. The problem hands it over through
/// <see cref="IGpuObjectiveVisitor{TResult}.Visit{TObjective}"/>, so no reflection is involved and the
/// kernel stays fully typed. Kept out of Workbench.Contracts so that assembly stays free of ILGPU.
/// </remarks>
public interface IGpuProblem
{
    /// <summary>Per-problem constants uploaded once per evaluator (ellipsoid weights, say); may be empty.</summary>
    ReadOnlyMemory<double> GpuConstants { get; }

    /// <summary>Calls <paramref name="visitor"/> with this problem's objective struct.</summary>
    TResult Accept<TResult>(IGpuObjectiveVisitor<TResult> visitor);
}

/// <summary>Receives a problem's GPU objective with its concrete type (see <see cref="IGpuProblem"/>).</summary>
public interface IGpuObjectiveVisitor<out TResult>
{
    TResult Visit<TObjective>(TObjective objective)
        where TObjective : struct, IGpuObjective;
}
