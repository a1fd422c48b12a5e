using Workbench.Conformance;
using Workbench.Contracts.Options;
using Workbench.Engine;
using Workbench.Engine.Evaluation;
using Workbench.Engine.Running;

namespace Workbench.Gpu.Tests;

/// <summary>How <see cref="GpuEvaluatorProvider"/> chooses. This machine (and CI) has no GPU: ILGPU sees only its
/// CPU accelerator, which must never count as one.</summary>
[Collection(SimulatorCollection.Name)]
public sealed class DeviceChoiceTests(SimulatorFixture gpu)
{
    private static ProblemGuard Guarded(string id) =>
        new(KernelAgreementTests.Factory(id).Create(OptionSchema.Empty.Defaults, 5, null), "benchmarks", NonFinitePolicy.Error);

    private GpuEvaluatorProvider Provider() => new(() => gpu.Runtime, new CpuEvaluatorProvider());

    [Fact]
    public void The_cpu_simulator_is_listed_but_is_not_a_gpu()
    {
        Assert.Contains(gpu.Runtime.Devices, d => d.IsSimulator && d.Kind == "cpu");
        Assert.All(gpu.Runtime.Gpus, d => Assert.False(d.IsSimulator));
    }

    [Fact]
    public void Auto_picks_the_cpu_when_no_gpu_exists()
    {
        if (gpu.Runtime.BestGpu is not null)
        {
            return; // A machine with a GPU: the premise does not hold (xunit 2 has no dynamic skip).
        }

        using var evaluator = Provider().Create(Guarded("sphere"), new EvaluationSettings { Workers = 2, Device = DeviceChoice.Auto });
        Assert.Equal("multicore", evaluator.Name);
        Assert.Equal("cpu", evaluator.Device);
    }

    [Fact]
    public void Auto_never_starts_ilgpu_for_a_problem_without_a_kernel()
    {
        var provider = new GpuEvaluatorProvider(() => throw new InvalidOperationException("runtime created"), new CpuEvaluatorProvider());
        var guard = new ProblemGuard(new ShiftedSphere(3), "test", NonFinitePolicy.Error);
        using var evaluator = provider.Create(guard, new EvaluationSettings { Workers = 1 });
        Assert.Equal("serial", evaluator.Name);
        using var cpu = provider.Create(Guarded("sphere"), new EvaluationSettings { Workers = 1, Device = DeviceChoice.Cpu });
        Assert.Equal("serial", cpu.Name);
    }

    [Fact]
    public void Auto_never_starts_ilgpu_without_a_gpu_driver_even_for_a_problem_with_a_kernel()
    {
        var provider = new GpuEvaluatorProvider(() => throw new InvalidOperationException("runtime created"), new CpuEvaluatorProvider(), driverPresent: () => false);
        using var evaluator = provider.Create(Guarded("sphere"), new EvaluationSettings { Workers = 2, Device = DeviceChoice.Auto });
        Assert.Equal("multicore", evaluator.Name);
        Assert.Equal("cpu", evaluator.Device);
    }

    [Fact]
    public void The_driver_check_agrees_with_ilgpu_where_ilgpu_finds_a_gpu()
    {
        // Where the check says no driver, ILGPU must see no GPU: otherwise auto would miss a real one.
        Assert.True(GpuDrivers.MayBePresent || gpu.Runtime.BestGpu is null);
    }

    [Fact]
    public void Device_gpu_without_a_gpu_is_a_setup_error_naming_what_ilgpu_sees()
    {
        if (gpu.Runtime.BestGpu is not null)
        {
            return; // A machine with a GPU: the premise does not hold (xunit 2 has no dynamic skip).
        }

        var error = Assert.Throws<RunSetupException>(() => Provider().Create(Guarded("sphere"), new EvaluationSettings { Device = DeviceChoice.Gpu }));
        Assert.Contains("no GPU found: ILGPU sees only", error.Message, StringComparison.Ordinal);
        Assert.Contains("cpu simulator", error.Message, StringComparison.Ordinal);
    }
}
