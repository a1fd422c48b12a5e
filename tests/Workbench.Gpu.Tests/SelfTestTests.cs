using Workbench.Contracts.Options;
using Workbench.Contracts.Problems;
using Workbench.Contracts.Tasks;
using Workbench.Problems.HeatEquation;

namespace Workbench.Gpu.Tests;

/// <summary><c>wb gpu selftest</c> and <c>wb bench gpu</c> logic on the simulator, at tiny sizes.</summary>
[Collection(SimulatorCollection.Name)]
public sealed class SelfTestTests(SimulatorFixture gpu)
{
    [Fact]
    public void Self_test_checks_every_kernel_and_the_stencil_and_passes()
    {
        IProblemFactory[] problems = [.. new[] { "sphere", "ellipsoid", "rosenbrock", "rastrigin", "schwefel", "ackley", "griewank" }.Select(KernelAgreementTests.Factory)];
        IParallelTaskFactory[] tasks = [new HeatTaskFactory()];
        var results = GpuSelfTest.Run(gpu.Runtime, problems, tasks, points: 64, dimension: 4);
        Assert.Equal(8 * gpu.Runtime.Devices.Count, results.Count);
        Assert.All(results, r => Assert.True(r.Passed, $"{r.Kernel}: {r.MaxRelativeError} {r.Error}"));
    }

    [Fact]
    public void Bench_reports_rates_on_the_simulator()
    {
        var problem = KernelAgreementTests.Factory("rosenbrock").Create(OptionSchema.Empty.Defaults, 5, null);
        var batch = GpuBenchmark.Batch(gpu.Runtime, gpu.Runtime.Simulator, problem, 200, reps: 1);
        Assert.True(batch.WithTransfers > 0 && batch.KernelOnly > 0);
        Assert.Equal(48, batch.BytesPerEvaluation);
        var stencil = GpuBenchmark.Stencil(gpu.Runtime, gpu.Runtime.Simulator, new HeatTaskFactory(), 16, 2, reps: 1);
        Assert.True(stencil.CellUpdatesPerSecond > 0);
    }
}
