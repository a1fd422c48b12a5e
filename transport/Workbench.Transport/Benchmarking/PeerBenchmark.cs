using System.Diagnostics;
using Workbench.Engine.Experiments;
using Workbench.Transport.Client;
using Workbench.Transport.Protocol;

namespace Workbench.Transport.Benchmarking;

/// <summary>Round trips to one peer, signed both ways as every real call is: an empty call, and a batch of 100
/// points of a 5-D problem. Medians and 90th percentiles of sequential calls after a warm-up.</summary>
public static class PeerBenchmark
{
    public const int BatchPoints = 100;
    public const int BatchDimension = 5;

    public static async Task<IReadOnlyList<LatencyFigure>> RoundTripsAsync(PeerConnection peer, Engine.Specs.ProblemSpec sphere5, int reps, CancellationToken cancellationToken)
    {
        var evaluate = new EvaluateRequest { Problem = Wire.ToWire(sphere5) };
        var random = new Random(1);
        evaluate.Points.AddRange(Enumerable.Range(0, BatchPoints * BatchDimension).Select(_ => (random.NextDouble() * 2) - 1));
        var client = peer.Client;
        return
        [
            await MeasureAsync("empty call", reps, () => client.PingAsync(new PingRequest(), cancellationToken: cancellationToken).ResponseAsync).ConfigureAwait(false),
            await MeasureAsync($"{BatchPoints} x {BatchDimension}-D batch", reps, () => client.EvaluateAsync(evaluate, cancellationToken: cancellationToken).ResponseAsync).ConfigureAwait(false),
        ];
    }

    private static async Task<LatencyFigure> MeasureAsync<T>(string what, int reps, Func<Task<T>> call)
    {
        for (var i = 0; i < Math.Min(500, reps); i++)
        {
            await call().ConfigureAwait(false);
        }

        var micros = new double[reps];
        for (var i = 0; i < reps; i++)
        {
            var started = Stopwatch.GetTimestamp();
            await call().ConfigureAwait(false);
            micros[i] = Stopwatch.GetElapsedTime(started).TotalMicroseconds;
        }

        return new LatencyFigure(what, reps, Statistics.Quantile(micros, 0.5), Statistics.Quantile(micros, 0.9));
    }
}

/// <summary>A latency: what was measured, how often, and its median and 90th percentile in microseconds.</summary>
public sealed record LatencyFigure(string What, int Calls, double MedianMicroseconds, double P90Microseconds);
