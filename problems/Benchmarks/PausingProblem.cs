using System.Diagnostics;
using Workbench.Contracts.Problems;

namespace Workbench.Problems.Benchmarks;

/// <summary>A benchmark function that waits a fixed time per point before answering: a stand-in for an expensive
/// model whose cost is waiting, not computing (the paper's pause per evaluation). Values are unchanged.</summary>
internal sealed class PausingProblem(IProblem inner, TimeSpan pause) : IProblem
{
    public string Id => inner.Id;

    public int Dimension => inner.Dimension;

    public Bounds Bounds => inner.Bounds;

    public KnownOptimum? Optimum => inner.Optimum;

    public ProblemTraits Traits => inner.Traits;

    public void Evaluate(ReadOnlySpan<double> points, Span<double> fitness)
    {
        inner.Evaluate(points, fitness);
        Wait(pause * fitness.Length);
    }

    /// <summary>Sleeps the whole milliseconds (the resolution of a sleep) and spins only the fraction left, so
    /// sub-millisecond pauses per point add up correctly over a chunk while whole ones cost no CPU.</summary>
    private static void Wait(TimeSpan total)
    {
        var started = Stopwatch.GetTimestamp();
        var whole = (int)Math.Floor(total.TotalMilliseconds);
        if (whole > 0)
        {
            Thread.Sleep(whole);
        }

        while (Stopwatch.GetElapsedTime(started) < total)
        {
            Thread.SpinWait(50);
        }
    }
}
