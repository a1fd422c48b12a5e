using Workbench.Engine.Running;

namespace Workbench.Engine.Archive;

/// <summary>A run's convergence history as parallel columns (one entry per iteration), plus named algorithm extras.</summary>
public sealed class RunHistory
{
    public RunHistory(long[] iteration, long[] evaluations, double[] best, double[] iterationBest, double[] mean,
        double[] elapsed, IReadOnlyDictionary<string, double[]> extras)
    {
        var n = iteration.Length;
        if (evaluations.Length != n || best.Length != n || iterationBest.Length != n || mean.Length != n
            || elapsed.Length != n || extras.Values.Any(e => e.Length != n))
        {
            throw new ArgumentException("history columns must all have one entry per iteration");
        }

        Iteration = iteration;
        Evaluations = evaluations;
        Best = best;
        IterationBest = iterationBest;
        Mean = mean;
        Elapsed = elapsed;
        Extras = extras;
    }

    public static RunHistory Empty(IReadOnlyList<string> extraNames) =>
        new([], [], [], [], [], [], extraNames.ToDictionary(n => n, _ => Array.Empty<double>()));

    public int Count => Iteration.Length;

    public long[] Iteration { get; }

    public long[] Evaluations { get; }

    /// <summary>Best fitness so far.</summary>
    public double[] Best { get; }

    public double[] IterationBest { get; }

    public double[] Mean { get; }

    /// <summary>Seconds since the run started.</summary>
    public double[] Elapsed { get; }

    public IReadOnlyDictionary<string, double[]> Extras { get; }

    /// <summary>Builds a history from iteration records (tests, in-memory views).</summary>
    public static RunHistory From(IReadOnlyList<IterationRecord> rows, IReadOnlyList<string> extraNames)
    {
        var extras = extraNames.Select((name, k) => (name, values: rows.Select(r => r.Extras[k]).ToArray()))
            .ToDictionary(e => e.name, e => e.values);
        return new RunHistory(
            rows.Select(r => r.Iteration).ToArray(), rows.Select(r => r.Evaluations).ToArray(),
            rows.Select(r => r.BestSoFar).ToArray(), rows.Select(r => r.IterationBest).ToArray(),
            rows.Select(r => r.Mean).ToArray(), rows.Select(r => r.ElapsedSeconds).ToArray(), extras);
    }
}
