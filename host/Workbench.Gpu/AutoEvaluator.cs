using Workbench.Engine.Evaluation;

namespace Workbench.Gpu;

/// <summary><c>--device auto</c> with a GPU and a kernel at hand: each batch goes to the GPU when it has at least
/// <see cref="Crossover"/> points, else to the CPU evaluator.</summary>
/// <remarks>Why per batch: the batch size is known only when the optimiser asks, and it can change during a run
/// (restarts with growing populations). Below the crossover the transfers and the launch cost more than the CPU
/// needs for the whole batch. Both paths agree within 1e-12 relative, not bit for bit.</remarks>
public sealed class AutoEvaluator : IEvaluator
{
    private readonly IEvaluator _cpu;
    private readonly IEvaluator _gpu;
    private long _gpuBatches;
    private long _cpuBatches;

    public AutoEvaluator(IEvaluator cpu, IEvaluator gpu, int crossover)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(crossover, 1);
        _cpu = cpu;
        _gpu = gpu;
        Crossover = crossover;
    }

    /// <summary>The smallest batch sent to the GPU.</summary>
    public int Crossover { get; }

    public string Name => "auto";

    public int Workers => _cpu.Workers;

    public string Device => $"{_gpu.Device} for batches of {Crossover}+ points, else {_cpu.Name} cpu";

    public long GpuBatches => Interlocked.Read(ref _gpuBatches);

    public long CpuBatches => Interlocked.Read(ref _cpuBatches);

    public ValueTask EvaluateAsync(ReadOnlyMemory<double> points, Memory<double> fitness, CancellationToken cancellationToken)
    {
        if (fitness.Length >= Crossover)
        {
            Interlocked.Increment(ref _gpuBatches);
            return _gpu.EvaluateAsync(points, fitness, cancellationToken);
        }

        Interlocked.Increment(ref _cpuBatches);
        return _cpu.EvaluateAsync(points, fitness, cancellationToken);
    }

    public void Dispose()
    {
        _gpu.Dispose();
        _cpu.Dispose();
    }
}
