namespace Workbench.Transport.Evaluation;

/// <summary>One batch in flight: its buffers, the work left, how many slots share it, and the first failure that
/// ends it (which cancels every other worker).</summary>
internal sealed class Batch(ReadOnlyMemory<double> points, Memory<double> fitness, BatchWork work, int slots, CancellationTokenSource failed)
{
    private Exception? _failure;

    public ReadOnlyMemory<double> Points { get; } = points;

    public Memory<double> Fitness { get; } = fitness;

    public BatchWork Work { get; } = work;

    public int Slots { get; } = slots;

    public CancellationTokenSource Failed { get; } = failed;

    public Exception? Failure => Volatile.Read(ref _failure);

    public void Fail(Exception failure)
    {
        if (Interlocked.CompareExchange(ref _failure, failure, null) is null)
        {
            Failed.Cancel();
        }
    }
}
