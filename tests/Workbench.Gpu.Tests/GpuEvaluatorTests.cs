using Workbench.Contracts.Options;
using Workbench.Engine.Evaluation;

namespace Workbench.Gpu.Tests;

[Collection(SimulatorCollection.Name)]
public sealed class GpuEvaluatorTests(SimulatorFixture gpu)
{
    [Fact]
    public async Task Buffers_grow_only_when_a_batch_is_larger_than_any_before()
    {
        var problem = KernelAgreementTests.Factory("sphere").Create(OptionSchema.Empty.Defaults, 3, null);
        using var evaluator = new GpuEvaluator(gpu.Accelerator, problem, "simulator");
        var allocations = new List<int>();
        foreach (var count in new[] { 10, 10, 5, 40, 20, 40, 41 })
        {
            var points = KernelAgreementTests.RandomPoints(problem, count, (ulong)count);
            await evaluator.EvaluateAsync(points, new double[count], CancellationToken.None);
            allocations.Add(evaluator.Allocations);
        }

        Assert.Equal([1, 1, 1, 2, 2, 2, 3], allocations);
        Assert.Equal(41, evaluator.Capacity);
    }

    [Fact]
    public async Task Through_the_guard_it_counts_evaluations_and_checks_bounds()
    {
        var problem = KernelAgreementTests.Factory("ackley").Create(OptionSchema.Empty.Defaults, 2, null);
        var guard = new ProblemGuard(problem, "benchmarks", NonFinitePolicy.Error);
        using var evaluator = new GpuEvaluator(gpu.Accelerator, guard, "simulator");
        await evaluator.EvaluateAsync(KernelAgreementTests.RandomPoints(problem, 12, 3), new double[12], CancellationToken.None);
        Assert.Equal(12, guard.Evaluations);

        var outside = new[] { 0.0, 1000.0 };
        var error = await Assert.ThrowsAsync<Engine.PluginFailureException>(async () =>
            await evaluator.EvaluateAsync(outside, new double[1], CancellationToken.None));
        Assert.Contains("outside", error.Message, StringComparison.Ordinal);
        Assert.Equal(12, guard.Evaluations);
    }

    [Fact]
    public void A_problem_without_a_kernel_is_refused()
    {
        var error = Assert.Throws<ArgumentException>(() => new GpuEvaluator(gpu.Accelerator, new Conformance.ShiftedSphere(2), "simulator"));
        Assert.Contains("offers no GPU kernel", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Auto_routes_batches_by_size()
    {
        var problem = KernelAgreementTests.Factory("rosenbrock").Create(OptionSchema.Empty.Defaults, 5, null);
        using var auto = new AutoEvaluator(new SerialEvaluator(problem), new GpuEvaluator(gpu.Accelerator, problem, "sim"), crossover: 64);
        foreach (var count in new[] { 10, 64, 63, 200 })
        {
            await auto.EvaluateAsync(KernelAgreementTests.RandomPoints(problem, count, 1), new double[count], CancellationToken.None);
        }

        Assert.Equal(2, auto.GpuBatches);
        Assert.Equal(2, auto.CpuBatches);
        Assert.Equal("auto", auto.Name);
        Assert.Contains("64+", auto.Device, StringComparison.Ordinal);
    }
}
