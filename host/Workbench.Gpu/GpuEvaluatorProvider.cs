using Workbench.Engine;
using Workbench.Engine.Evaluation;
using Workbench.Engine.Running;

namespace Workbench.Gpu;

/// <summary>Adds the GPU to the CPU provider it wraps: <c>--device cpu</c> is the CPU provider's choice,
/// <c>--device gpu</c> the GPU evaluator or a setup error, <c>auto</c> an <see cref="AutoEvaluator"/> when a
/// real GPU and a kernel exist, else the CPU.</summary>
/// <remarks>The runtime is created lazily: a run whose problem has no kernel, a CPU run, or <c>auto</c> on a machine
/// without a GPU driver (<see cref="GpuDrivers"/>) never starts ILGPU. The CPU simulator never counts as a GPU here
/// (it is for testing kernels only).</remarks>
public sealed class GpuEvaluatorProvider : IEvaluatorProvider
{
    /// <summary>Default smallest batch <c>auto</c> sends to the GPU. Why 4096: below a few thousand points a GPU
    /// spends more time on the launch (~10 µs) and two PCIe transfers than a multicore CPU needs for a cheap
    /// benchmark function; override it with <c>--gpu-min-batch</c> after measuring with <c>wb bench gpu</c>.</summary>
    public const int DefaultCrossover = 4096;

    private readonly Func<GpuRuntime> _runtime;
    private readonly IEvaluatorProvider _cpu;
    private readonly Func<bool> _driverPresent;

    /// <param name="driverPresent">Whether a GPU driver may be installed (default <see cref="GpuDrivers.MayBePresent"/>);
    /// when it says no, <c>auto</c> takes the CPU without starting ILGPU.</param>
    public GpuEvaluatorProvider(Func<GpuRuntime> runtime, IEvaluatorProvider cpu, int crossover = DefaultCrossover, Func<bool>? driverPresent = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(crossover, 1);
        _runtime = runtime;
        _cpu = cpu;
        Crossover = crossover;
        _driverPresent = driverPresent ?? (() => GpuDrivers.MayBePresent);
    }

    public int Crossover { get; }

    public IEvaluator Create(ProblemGuard problem, EvaluationSettings settings)
    {
        var cpuSettings = settings with { Device = DeviceChoice.Cpu };
        switch (settings.Device)
        {
            case DeviceChoice.Cpu:
                return _cpu.Create(problem, cpuSettings);
            case DeviceChoice.Gpu:
                return CreateGpu(problem);
            default:
                if (GpuEvaluator.KernelOf(problem) is null || !_driverPresent() || _runtime().BestGpu is not { } gpu)
                {
                    return _cpu.Create(problem, cpuSettings);
                }

                var cpu = _cpu.Create(problem, cpuSettings);
                return new AutoEvaluator(cpu, new GpuEvaluator(_runtime().Accelerator(gpu), problem, gpu.Label), settings.GpuMinBatch ?? Crossover);
        }
    }

    private GpuEvaluator CreateGpu(ProblemGuard problem)
    {
        var runtime = _runtime();
        if (runtime.BestGpu is not { } gpu)
        {
            throw new RunSetupException("device", $"device gpu: no GPU found: ILGPU sees only {runtime.Describe()}; use device cpu or auto");
        }

        if (GpuEvaluator.KernelOf(problem) is null)
        {
            throw new RunSetupException("device", $"device gpu: problem '{problem.Id}' offers no GPU kernel; use device cpu or auto");
        }

        return new GpuEvaluator(runtime.Accelerator(gpu), problem, gpu.Label);
    }
}
