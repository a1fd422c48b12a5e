using System.Diagnostics;
using Workbench.Transport.Client;
using Workbench.Transport.Protocol;
using Workbench.Engine.Benchmarking;
using Workbench.Engine.Statistics;

namespace Workbench.Transport.Benchmarking;

/// <summary>Round trips to one peer, signed both ways as every real call is: an empty call, and a batch of 100
/// points of a 5-D problem. Medians and 90th percentiles of sequential calls after a timed warm-up.</summary>
public static class PeerBenchmark
{
    public const int BatchPoints = 100;
    public const int BatchDimension = 5;

    /// <summary>Rounds of measurement, interleaved between the calls measured.</summary>
    private const int Rounds = 5;

    /// <summary>How long every call is made before any is measured. Tiered JIT and dynamic PGO take seconds to
    /// settle on both ends, longer while the calls themselves keep both cores of a small machine busy. On this
    /// 2-core machine the signed 100 x 5-D batch read 0.45 ms after a fixed 600-call warm-up, 0.29 ms after 3 s
    /// and 0.20 ms after 10 s (medians, Release, one quiet session); a peer that serves for minutes runs the
    /// settled code, so that is the figure to report.</summary>
    public static readonly TimeSpan DefaultWarmUp = TimeSpan.FromSeconds(10);

    /// <summary>One peer to measure: a label and its connection.</summary>
    public sealed record Target(string Label, PeerConnection Peer);

    /// <summary>Every target's empty call and batch, measured in interleaved rounds so that drifts of a shared,
    /// noisy machine hit all of them alike, after <paramref name="warmUp"/> of calls.</summary>
    public static async Task<IReadOnlyList<LatencyFigure>> RoundTripsAsync(IReadOnlyList<Target> targets, Engine.Specs.ProblemSpec sphere5, int reps, TimeSpan warmUp, CancellationToken cancellationToken)
    {
        var evaluate = new EvaluateRequest { Problem = Wire.ToWire(sphere5) };
        var random = new Random(1);
        evaluate.Points.AddRange(Enumerable.Range(0, BatchPoints * BatchDimension).Select(_ => (random.NextDouble() * 2) - 1));
        var calls = targets.SelectMany(t => new (string What, Func<Task> Call)[]
        {
            ($"{t.Label}empty call", () => t.Peer.Client.PingAsync(new PingRequest(), cancellationToken: cancellationToken).ResponseAsync),
            ($"{t.Label}{BatchPoints} x {BatchDimension}-D batch", () => t.Peer.Client.EvaluateAsync(evaluate, cancellationToken: cancellationToken).ResponseAsync),
        }).ToArray();
        var samples = calls.Select(_ => new List<double>()).ToArray();
        // At least one round, so a zero warm-up still touches every call before it is timed.
        await WarmUp.ForAsync(warmUp, async () =>
        {
            foreach (var call in calls)
            {
                for (var i = 0; i < 50; i++)
                {
                    await call.Call().ConfigureAwait(false);
                }
            }
        }).ConfigureAwait(false);

        var perRound = Math.Max(1, reps / Rounds);
        for (var round = 0; round < Rounds; round++)
        {
            for (var c = 0; c < calls.Length; c++)
            {
                for (var i = 0; i < perRound; i++)
                {
                    var started = Stopwatch.GetTimestamp();
                    await calls[c].Call().ConfigureAwait(false);
                    samples[c].Add(Stopwatch.GetElapsedTime(started).TotalMicroseconds);
                }
            }
        }

        return calls.Select((c, i) => new LatencyFigure(c.What, samples[i].Count, Quantiles.Median(samples[i]), Quantiles.Quantile(samples[i], 0.9))).ToArray();
    }
}

/// <summary>A latency: what was measured, how often, and its median and 90th percentile in microseconds.</summary>
public sealed record LatencyFigure(string What, int Calls, double MedianMicroseconds, double P90Microseconds);
