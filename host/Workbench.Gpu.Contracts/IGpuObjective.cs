using ILGPU;

namespace Workbench.Gpu.Contracts;

/// <summary>The fitness of one point, computed on a GPU thread. Implemented by <c>readonly struct</c>s: kernels
/// cannot call through object references, and a struct type argument lets ILGPU specialise
/// <see cref="GpuBatchKernel.Evaluate{TObjective}"/> per function with the call inlined.</summary>
/// <remarks>Make the struct <c>public</c>: ILGPU's CPU accelerator calls it from a generated assembly, which cannot
/// see internal types (or grant it with <c>[assembly: InternalsVisibleTo("ILGPURuntime")]</c>).
/// Follow the CPU implementation's order of operations term by term: kernels are tested against it
/// within 1e-12 relative, and a reordered sum can drift further than that near cancellations.</remarks>
public interface IGpuObjective
{
    /// <param name="point">The <c>d</c> coordinates of one point (a view into device memory).</param>
    /// <param name="constants">The problem's <see cref="IGpuProblem.GpuConstants"/> in device memory (weights,
    /// scales); at least one element long, so an objective without constants can ignore it.</param>
    double Evaluate(ArrayView<double> point, ArrayView<double> constants);
}
