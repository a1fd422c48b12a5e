using Workbench.Contracts.Options;
using Workbench.Contracts.Problems;
using Workbench.Contracts.Randomness;

namespace Workbench.Conformance;

/// <summary>Checks a problem plugin against the rules the host relies on: it is created from its default options,
/// its bounds match its dimension, every fitness of a point inside the bounds is finite, a batch gives the same
/// values as its points one by one, and its traits are true: deterministic means the same values every time,
/// thread-safe means disjoint slices evaluated concurrently give the serial result.</summary>
public static class ProblemConformance
{
    /// <summary>Runs every check at <paramref name="dimension"/> (default: the smallest the problem takes, at
    /// least 2); throws <see cref="ConformanceException"/> at the first rule broken.</summary>
    public static void Check(IProblemFactory factory, int? dimension = null, int points = 64, ulong seed = 42)
    {
        var d = dimension ?? Math.Max(factory.Dimensions.Min, Math.Min(2, factory.Dimensions.Max));
        var problem = Create(factory, d);
        if (problem.Bounds.Dimension != d)
        {
            throw new ConformanceException($"{factory.Id}: created for dimension {d}, its bounds have {problem.Bounds.Dimension} coordinates");
        }

        var batch = PointsInside(problem.Bounds, points, seed);
        var fitness = Evaluate(problem, batch, points);
        for (var i = 0; i < points; i++)
        {
            if (!double.IsFinite(fitness[i]))
            {
                throw new ConformanceException($"{factory.Id}: point {i} inside the bounds has fitness {fitness[i]}; the host treats that as an error");
            }
        }

        if (problem.Traits.IsDeterministic)
        {
            SameAgainAndOneByOne(factory.Id, problem, batch, fitness);
        }

        if (problem.Traits.IsThreadSafe)
        {
            SameConcurrently(factory.Id, problem, batch, fitness);
        }
    }

    private static void SameAgainAndOneByOne(string id, IProblem problem, double[] batch, double[] expected)
    {
        var again = Evaluate(problem, batch, expected.Length);
        Compare(id, "evaluated twice (traits say deterministic)", expected, again);
        var single = new double[expected.Length];
        for (var i = 0; i < expected.Length; i++)
        {
            problem.Evaluate(batch.AsSpan(i * problem.Dimension, problem.Dimension), single.AsSpan(i, 1));
        }

        Compare(id, "evaluated one point at a time", expected, single);
    }

    private static void SameConcurrently(string id, IProblem problem, double[] batch, double[] expected)
    {
        var concurrent = new double[expected.Length];
        var d = problem.Dimension;
        using var start = new Barrier(4);
        Parallel.For(0, 4, new ParallelOptions { MaxDegreeOfParallelism = 4 }, part =>
        {
            var from = part * expected.Length / 4;
            var to = (part + 1) * expected.Length / 4;
            start.SignalAndWait(TimeSpan.FromSeconds(10));
            problem.Evaluate(batch.AsSpan(from * d, (to - from) * d), concurrent.AsSpan(from, to - from));
        });
        Compare(id, "evaluated on 4 threads at once (traits say thread-safe)", expected, concurrent);
    }

    private static void Compare(string id, string how, double[] expected, double[] actual)
    {
        for (var i = 0; i < expected.Length; i++)
        {
            if (BitConverter.DoubleToInt64Bits(expected[i]) != BitConverter.DoubleToInt64Bits(actual[i]))
            {
                throw new ConformanceException($"{id}: point {i} gave {expected[i]:R} in one batch but {actual[i]:R} when {how}");
            }
        }
    }

    private static IProblem Create(IProblemFactory factory, int dimension)
    {
        try
        {
            return factory.Create(factory.Options.Defaults, dimension, null);
        }
        catch (OptionException e)
        {
            throw new ConformanceException($"{factory.Id}: cannot be created at dimension {dimension} from its default options: {e.Message}");
        }
    }

    private static double[] Evaluate(IProblem problem, double[] batch, int n)
    {
        var fitness = new double[n];
        problem.Evaluate(batch, fitness);
        return fitness;
    }

    private static double[] PointsInside(Bounds bounds, int n, ulong seed)
    {
        var random = new RandomStream(seed);
        var points = new double[n * bounds.Dimension];
        for (var i = 0; i < points.Length; i++)
        {
            var c = i % bounds.Dimension;
            points[i] = random.NextDouble(bounds.Lower[c], bounds.Upper[c]);
        }

        return points;
    }
}
