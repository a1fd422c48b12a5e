using Workbench.Contracts.Problems;
using Workbench.Gpu.Contracts;

namespace Workbench.Problems.Bbob.Gpu;

/// <summary>A bbob problem that also offers an ILGPU kernel: the CPU path is the wrapped problem's, the kernel
/// reads the instance's data from <see cref="GpuConstants"/>.</summary>
/// <remarks>Only functions built from additions and products have kernels: a GPU's own log, exp, sin and pow
/// differ from the CPU's in the last bits, which the transformations of the other functions would amplify beyond
/// the 1e-12 that <c>wb gpu selftest</c> demands.</remarks>
internal sealed class GpuBbobProblem<TGpuObjective>(BbobProblem cpu, double[] constants) : IProblem, IGpuProblem
    where TGpuObjective : struct, IGpuObjective
{
    public ReadOnlyMemory<double> GpuConstants { get; } = constants;

    public string Id => cpu.Id;

    public int Dimension => cpu.Dimension;

    public Bounds Bounds => cpu.Bounds;

    public KnownOptimum? Optimum => cpu.Optimum;

    public ProblemTraits Traits => cpu.Traits;

    public void Evaluate(ReadOnlySpan<double> points, Span<double> fitness) => cpu.Evaluate(points, fitness);

    public TResult Accept<TResult>(IGpuObjectiveVisitor<TResult> visitor) => visitor.Visit(default(TGpuObjective));
}
