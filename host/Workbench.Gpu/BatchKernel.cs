using ILGPU;
using ILGPU.Runtime;
using Workbench.Gpu.Contracts;

namespace Workbench.Gpu;

/// <summary>A compiled <see cref="GpuBatchKernel.Evaluate{TObjective}"/> for one problem's objective type,
/// with the concrete type hidden so that evaluators need not be generic.</summary>
internal interface IBatchKernel
{
    void Launch(int count, ArrayView<double> points, ArrayView<double> fitness, ArrayView<double> constants, int dimension);
}

/// <summary>Compiles the batch kernel for whatever objective a problem hands over (see <see cref="IGpuProblem"/>).</summary>
internal sealed class BatchKernelCompiler(Accelerator accelerator) : IGpuObjectiveVisitor<IBatchKernel>
{
    public IBatchKernel Visit<TObjective>(TObjective objective)
        where TObjective : struct, IGpuObjective => new BatchKernel<TObjective>(accelerator, objective);

    private sealed class BatchKernel<TObjective> : IBatchKernel
        where TObjective : struct, IGpuObjective
    {
        private readonly Action<Index1D, ArrayView<double>, ArrayView<double>, ArrayView<double>, int, TObjective> _kernel;
        private readonly TObjective _objective;

        public BatchKernel(Accelerator accelerator, TObjective objective)
        {
            // Compiled once here; each launch only binds arguments. Auto-grouped: ILGPU picks the group size.
            _kernel = accelerator.LoadAutoGroupedStreamKernel<Index1D, ArrayView<double>, ArrayView<double>, ArrayView<double>, int, TObjective>(
                GpuBatchKernel.Evaluate);
            _objective = objective;
        }

        public void Launch(int count, ArrayView<double> points, ArrayView<double> fitness, ArrayView<double> constants, int dimension) =>
            _kernel(count, points, fitness, constants, dimension, _objective);
    }
}
