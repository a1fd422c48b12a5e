using Workbench.Contracts.Optimizers;
using Workbench.Engine.Evaluation;

namespace Workbench.Engine.Islands;

/// <summary>One island kept on another slot: its own optimiser and problem, which repeat what the run's copy of
/// the island does (the journal's steps) and then run generations ahead of it, evaluating their own batches.</summary>
/// <remarks>Optimisers are deterministic given their seed and what they are told, so a replica built from the
/// island's seed that is told the same fitness and migrants asks the same points: that is how an island moves to
/// another slot after its peer is lost, without any snapshot format of its own. <see cref="PointsHash"/> lets the
/// run check that the replica really asked what its copy asked.</remarks>
public sealed class IslandReplica(IOptimizer optimizer, string optimizerId, ProblemGuard problem)
{
    private double[] _fitness = [];
    private double[] _bestPoints = [];

    /// <summary>Generations told so far.</summary>
    public long Told { get; private set; }

    public string? StopReason => optimizer.StopReason;

    /// <summary>Repeats a Tell whose fitness is known (a replay): asks, and tells the given fitness.</summary>
    public void Replay(ReadOnlySpan<double> fitness)
    {
        var asked = Call("Ask", optimizer.Ask);
        if (asked.Length != fitness.Length * optimizer.Dimension)
        {
            throw new PluginFailureException(optimizerId, $"algorithm '{optimizerId}' asked {asked.Length / optimizer.Dimension} points on replay where the run's copy asked {fitness.Length}: its optimiser is not deterministic");
        }

        var told = fitness.ToArray();
        Call("Tell", () => optimizer.Tell(told));
        Told++;
    }

    /// <summary>Repeats a migration's read of the best individuals.</summary>
    public void CopyBest(int count)
    {
        var migration = Migration();
        if (_bestPoints.Length < count * optimizer.Dimension)
        {
            _bestPoints = new double[count * optimizer.Dimension];
        }

        if (_fitness.Length < count)
        {
            _fitness = new double[count];
        }

        Call("CopyBest", () => migration.CopyBest(_bestPoints.AsSpan(0, count * optimizer.Dimension), _fitness.AsSpan(0, count)));
    }

    public void ReplaceWorst(double[] points, double[] fitness)
    {
        var migration = Migration();
        Call("ReplaceWorst", () => migration.ReplaceWorst(points, fitness));
    }

    /// <summary>Runs one generation: ask, evaluate here, tell.</summary>
    /// <returns>The generation's fitness (owned by the caller) and the hash of the points asked.</returns>
    public (double[] Fitness, ulong PointsHash) RunGeneration()
    {
        var asked = Call("Ask", optimizer.Ask);
        var count = asked.Length / optimizer.Dimension;
        if (count == 0 || count * optimizer.Dimension != asked.Length)
        {
            throw new PluginFailureException(optimizerId, $"algorithm '{optimizerId}' asked a batch of {asked.Length} values, not a positive multiple of the dimension {optimizer.Dimension}");
        }

        var fitness = new double[count];
        problem.Evaluate(asked.Span, fitness);
        var hash = PointsHash(asked.Span);
        Call("Tell", () => optimizer.Tell(fitness));
        Told++;
        return (fitness, hash);
    }

    /// <summary>A 64-bit hash of a batch's exact bits (FNV-1a over 64-bit words): equal batches, equal hashes, on
    /// every machine.</summary>
    public static ulong PointsHash(ReadOnlySpan<double> points)
    {
        const ulong prime = 0x100000001b3;
        var hash = 0xcbf29ce484222325;
        foreach (var value in points)
        {
            hash = (hash ^ (ulong)BitConverter.DoubleToInt64Bits(value)) * prime;
            hash ^= hash >> 29;
        }

        return hash;
    }

    private T Call<T>(string what, Func<T> call)
    {
        try
        {
            return call();
        }
        catch (Exception e) when (e is not PluginFailureException and not OperationCanceledException)
        {
            throw new PluginFailureException(optimizerId, $"algorithm '{optimizerId}' threw {e.GetType().Name} in {what}: {e.Message}", e);
        }
    }

    private void Call(string what, Action call) => Call(what, () =>
    {
        call();
        return 0;
    });

    private IMigrationSupport Migration() => optimizer as IMigrationSupport
        ?? throw new InvalidOperationException("the island's optimiser does not support migration");
}
