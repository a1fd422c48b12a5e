using System.Globalization;
using Workbench.Contracts.Problems;
using Workbench.Engine.Specs;

namespace Workbench.Engine.Evaluation;

/// <summary>Wraps every problem the host evaluates: checks shapes and bounds, applies the non-finite policy,
/// counts evaluations, and turns a plugin's exception into an error that names the plugin.</summary>
/// <remarks>Thread-safe whenever the inner problem is: evaluators call it concurrently on disjoint chunks.</remarks>
public sealed class ProblemGuard : IProblem
{
    private readonly IProblem _inner;
    private readonly string _pluginId;
    private readonly BatchChecks _checks;

    /// <summary>Values per block (128 KiB): small enough to stay in a core's L2 between check and evaluation.</summary>
    private const int CacheBlockValues = 16 * 1024;
    private long _evaluations;

    public ProblemGuard(IProblem inner, string pluginId, NonFinitePolicy policy, ProblemSpec? spec = null)
    {
        Spec = spec;
        _inner = inner;
        _pluginId = pluginId;
        Policy = policy;
        _checks = new BatchChecks(inner.Bounds);
        if (inner.Bounds.Dimension != inner.Dimension)
        {
            throw new PluginFailureException(inner.Id, $"problem '{inner.Id}' (plugin {pluginId}) reports dimension {inner.Dimension} but bounds of dimension {inner.Bounds.Dimension}");
        }
    }

    public NonFinitePolicy Policy { get; }

    /// <summary>The description this problem was created from, which other machines re-create it from; null for a
    /// problem built directly in process (then only local evaluators can serve it).</summary>
    public ProblemSpec? Spec { get; }

    /// <summary>The unguarded problem, for evaluators that need its optional capabilities (a GPU kernel).</summary>
    public IProblem Inner => _inner;

    public string Id => _inner.Id;

    public int Dimension => _inner.Dimension;

    public Bounds Bounds => _inner.Bounds;

    public KnownOptimum? Optimum => _inner.Optimum;

    public ProblemTraits Traits => _inner.Traits;

    /// <summary>Points evaluated so far, over all threads.</summary>
    public long Evaluations => Interlocked.Read(ref _evaluations);

    public void Evaluate(ReadOnlySpan<double> points, Span<double> fitness) =>
        Evaluate(points, fitness, _inner.Evaluate, Math.Max(1, CacheBlockValues / _inner.Dimension));

    /// <summary>Evaluates through <paramref name="evaluate"/> instead of the problem's own CPU path (a GPU kernel,
    /// say) with every check of the guard: shapes, bounds, attribution of exceptions, non-finite values, counts.
    /// The batch is handed over whole, not in cache-sized blocks: a GPU wants one launch per batch.</summary>
    public void Evaluate(ReadOnlySpan<double> points, Span<double> fitness, BatchEvaluation evaluate) =>
        Evaluate(points, fitness, evaluate, Math.Max(1, fitness.Length));

    private void Evaluate(ReadOnlySpan<double> points, Span<double> fitness, BatchEvaluation evaluate, int block)
    {
        var d = _inner.Dimension;
        if (points.Length != fitness.Length * d)
        {
            throw new PluginFailureException(Id, $"a batch of {fitness.Length} points of dimension {d} needs {fitness.Length * d} values, got {points.Length}");
        }

        // Check and evaluate cache-sized blocks: checking the whole batch first would stream it from memory twice.
        for (var first = 0; first < fitness.Length; first += block)
        {
            var count = Math.Min(block, fitness.Length - first);
            EvaluateBlock(points.Slice(first * d, count * d), fitness.Slice(first, count), first, d, evaluate);
        }
    }

    private void EvaluateBlock(ReadOnlySpan<double> points, Span<double> fitness, int first, int d, BatchEvaluation evaluate)
    {
        if (!_checks.AllInBounds(points))
        {
            ReportOutOfBounds(points, first, d);
        }

        try
        {
            evaluate(points, fitness);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            throw new PluginFailureException(Id, $"problem '{Id}' (plugin {_pluginId}) threw {ex.GetType().Name} while evaluating {fitness.Length} points: {ex.Message}", ex);
        }

        if (!BatchChecks.AllFinite(fitness))
        {
            ApplyNonFinitePolicy(points, fitness, d);
        }

        Interlocked.Add(ref _evaluations, fitness.Length);
    }

    private void ReportOutOfBounds(ReadOnlySpan<double> points, int first, int d)
    {
        var lower = Bounds.Lower;
        var upper = Bounds.Upper;
        for (var start = 0; start < points.Length; start += d)
        {
            var point = points.Slice(start, d);
            for (var j = 0; j < d; j++)
            {
                var x = point[j];
                if (!(x >= lower[j] && x <= upper[j]))
                {
                    throw new PluginFailureException(Id, $"point {first + (start / d)} of the batch has coordinate {j} = {Format(x)}, outside [{Format(lower[j])}, {Format(upper[j])}] of problem '{Id}'");
                }
            }
        }
    }

    private void ApplyNonFinitePolicy(ReadOnlySpan<double> points, Span<double> fitness, int d)
    {
        for (var i = 0; i < fitness.Length; i++)
        {
            if (double.IsFinite(fitness[i]))
            {
                continue;
            }

            if (Policy == NonFinitePolicy.TreatAsWorst)
            {
                fitness[i] = double.PositiveInfinity;
                continue;
            }

            var point = string.Join(", ", points.Slice(i * d, d).ToArray().Select(Format));
            throw new PluginFailureException(Id, $"problem '{Id}' (plugin {_pluginId}) returned {Format(fitness[i])} at point [{point}]; set on-nonfinite to worst to treat such values as the worst fitness");
        }
    }

    private static string Format(double x) => x.ToString("G17", CultureInfo.InvariantCulture);
}

/// <summary>A way to evaluate a batch of the guarded problem (see <see cref="ProblemGuard.Evaluate(ReadOnlySpan{double}, Span{double}, BatchEvaluation)"/>).</summary>
public delegate void BatchEvaluation(ReadOnlySpan<double> points, Span<double> fitness);
