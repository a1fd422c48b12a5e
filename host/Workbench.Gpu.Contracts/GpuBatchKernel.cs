using ILGPU;

namespace Workbench.Gpu.Contracts;

/// <summary>The one batch kernel every <see cref="IGpuObjective"/> runs in: thread <c>i</c> evaluates point
/// <c>i</c> of a row-major batch of dimension <c>dimension</c> and writes <c>fitness[i]</c>.</summary>
public static class GpuBatchKernel
{
    public static void Evaluate<TObjective>(
        Index1D index,
        ArrayView<double> points,
        ArrayView<double> fitness,
        ArrayView<double> constants,
        int dimension,
        TObjective objective)
        where TObjective : struct, IGpuObjective
    {
        var point = points.SubView((long)index.X * dimension, dimension);
        fitness[index] = objective.Evaluate(point, constants);
    }
}
