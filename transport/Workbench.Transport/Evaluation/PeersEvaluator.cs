using System.Diagnostics;
using Grpc.Core;
using Workbench.Engine;
using Workbench.Engine.Evaluation;
using Workbench.Engine.Running;
using Workbench.Transport.Client;
using Workbench.Transport.Protocol;

namespace Workbench.Transport.Evaluation;

/// <summary>Spreads each batch over the peers' slots and this machine's cores (the evaluator named <c>peers</c>).</summary>
/// <remarks>
/// <list type="bullet">
/// <item>Work is pulled: every slot takes its next chunk when it is free, so a slow or busy peer takes less. Chunks
/// shrink as the batch drains (a share of what is left, capped by the slot's measured throughput × 50 ms), so all
/// slots finish together. Each peer has two chunks in flight per slot, so the network overlaps computation.</item>
/// <item>A lost peer's chunks go back to the queue and other slots take them: at once when the connection
/// breaks (kill -9), within about 3 s when the peer stops answering (HTTP/2 keep-alive pings).</item>
/// <item>Fitness depends on its point alone and lands by index, so results are bit-identical to a serial run.</item>
/// </list>
/// </remarks>
public sealed class PeersEvaluator : IEvaluator, IReportingEvaluator
{
    private static readonly TimeSpan TargetChunkTime = TimeSpan.FromMilliseconds(50);
    private const int InFlightPerSlot = 2;

    private readonly ProblemGuard _problem;
    private readonly ProblemSpec _wireSpec;
    private readonly Engine.Specs.ProblemSpec _spec;
    private readonly PeerCluster _cluster;
    private readonly PluginShipper _shipper;
    private readonly PeersEvaluatorSettings _settings;
    private readonly Dictionary<string, SlotMeter> _meters = new(StringComparer.Ordinal);
    private readonly List<string> _warnings = [];
    private readonly SlotMeter _local = new("local");
    private long _redispatches;
    private bool _warnedAlone;

    public PeersEvaluator(ProblemGuard problem, PeerCluster cluster, PluginShipper shipper, PeersEvaluatorSettings settings)
    {
        _spec = problem.Spec is { Component.IsPortable: true } spec
            ? spec
            : throw new RunSetupException("peers", $"peers: problem '{problem.Id}' is not loaded from a plugin folder, so peers cannot re-create it; run it without peers");
        _problem = problem;
        _wireSpec = Wire.ToWire(spec);
        _cluster = cluster;
        _shipper = shipper;
        _settings = settings;
    }

    public string Name => "peers";

    public int Workers => LocalWorkers + _cluster.Up.Sum(p => Math.Max(0, p.Info?.CpuSlots ?? 0));

    public string Device => $"{_cluster.Peers.Count} peer(s){(_settings.UseLocal ? " + local" : "")}";

    public string Status => $"{_cluster.Up.Count}/{_cluster.Peers.Count} peers up";

    private int LocalWorkers => _settings.UseLocal ? (_problem.Traits.IsThreadSafe ? Math.Max(1, _settings.LocalWorkers) : 1) : 0;

    public async ValueTask EvaluateAsync(ReadOnlyMemory<double> points, Memory<double> fitness, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        _cluster.ReprobeInBackground();
        var peers = _cluster.Up.Where(p => p.Info?.CpuSlots > 0).ToArray();
        var localWorkers = LocalWorkers;
        if (peers.Length == 0)
        {
            localWorkers = Alone(localWorkers);
        }

        var work = new BatchWork(fitness.Length);
        var slots = localWorkers + peers.Sum(p => p.Info!.CpuSlots);
        using var failed = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var batch = new Batch(points, fitness, work, slots, failed);
        var workers = new List<Task>();
        for (var i = 0; i < localWorkers; i++)
        {
            workers.Add(Task.Run(() => LocalWorkerAsync(batch), CancellationToken.None));
        }

        foreach (var peer in peers)
        {
            var meter = MeterOf(peer);
            for (var i = 0; i < peer.Info!.CpuSlots * InFlightPerSlot; i++)
            {
                workers.Add(PeerWorkerAsync(peer, meter, batch));
            }
        }

        await WaitAsync(workers, batch).ConfigureAwait(false);
        if (!work.IsComplete)
        {
            // Every peer was lost mid-batch and no local slot was working: finish here, or fail as asked.
            Alone(0);
            await LocalWorkerAsync(batch).ConfigureAwait(false);
        }
    }

    public EvaluatorReport Report()
    {
        lock (_meters)
        {
            var shares = _meters.Values.Prepend(_local).Where(m => m.Chunks > 0)
                .Select(m => new SlotShare(m.Name, m.Evaluations, m.Chunks, m.Seconds)).ToArray();
            return new EvaluatorReport(shares, Interlocked.Read(ref _redispatches), _warnings.ToArray());
        }
    }

    /// <summary>Closes the connections: the evaluator owns its cluster.</summary>
    public void Dispose() => _cluster.Dispose();

    /// <summary>No peer takes work: go on here (with a warning, once) or fail, as the settings say.</summary>
    private int Alone(int localWorkers)
    {
        var reasons = string.Join("; ", _cluster.Peers.Select(p => $"{p.Name}: {_cluster.ReasonOf(p) ?? "no slots shared"}"));
        if (_settings.OnPeerLoss == PeerLossPolicy.Fail)
        {
            throw new EvaluatorLostException($"no peer is left ({reasons}) and on-peer-loss is fail");
        }

        if (!_warnedAlone)
        {
            _warnedAlone = true;
            Warn($"no peer takes work ({reasons}); evaluating on this machine until one comes back");
        }

        return Math.Max(localWorkers, _problem.Traits.IsThreadSafe ? Math.Max(1, _settings.LocalWorkers) : 1);
    }

    private async Task WaitAsync(List<Task> workers, Batch batch)
    {
        try
        {
            await Task.WhenAll(workers).ConfigureAwait(false);
        }
        catch (Exception) when (batch.Failure is null && batch.Failed.IsCancellationRequested)
        {
            throw new OperationCanceledException(batch.Failed.Token);
        }

        if (batch.Failure is { } failure)
        {
            throw failure;
        }
    }

    private async Task LocalWorkerAsync(Batch batch)
    {
        var token = batch.Failed.Token;
        while (!batch.Work.IsComplete)
        {
            token.ThrowIfCancellationRequested();
            if (!batch.Work.TryTake(left => ChunkSize(left, batch.Slots, _local), out var range))
            {
                await batch.Work.Changed.WaitAsync(token).ConfigureAwait(false);
                continue;
            }

            var started = Stopwatch.GetTimestamp();
            try
            {
                var d = _spec.Dimension;
                _problem.Evaluate(batch.Points.Span.Slice(range.Start * d, range.Count * d), batch.Fitness.Span.Slice(range.Start, range.Count));
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                batch.Fail(e);
                throw;
            }

            _local.Record(range.Count, Stopwatch.GetElapsedTime(started).TotalSeconds);
            batch.Work.Done(range);
        }
    }

    private async Task PeerWorkerAsync(PeerConnection peer, SlotMeter meter, Batch batch)
    {
        var token = batch.Failed.Token;
        try
        {
            await _shipper.EnsureAsync(peer, _spec.Component, token).ConfigureAwait(false);
            while (!batch.Work.IsComplete && _cluster.StateOf(peer) == PeerState.Up)
            {
                if (!batch.Work.TryTake(left => ChunkSize(left, batch.Slots, meter), out var range))
                {
                    await batch.Work.Changed.WaitAsync(token).ConfigureAwait(false);
                    continue;
                }

                try
                {
                    await EvaluateRemoteAsync(peer, meter, batch, range, token).ConfigureAwait(false);
                }
                catch (Exception e)
                {
                    batch.Work.Return(range);
                    if (e is PeerUnavailableException)
                    {
                        Interlocked.Increment(ref _redispatches);
                    }

                    throw;
                }
            }
        }
        catch (PeerUnavailableException loss)
        {
            if (_cluster.StateOf(peer) == PeerState.Up)
            {
                _cluster.MarkLost(loss);
                Warn($"{loss.Message}; its work goes to the other slots");
            }
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            batch.Fail(e);
            throw;
        }
    }

    private async Task EvaluateRemoteAsync(PeerConnection peer, SlotMeter meter, Batch batch, (int Start, int Count) range, CancellationToken token)
    {
        var d = _spec.Dimension;
        var request = new EvaluateRequest { Problem = _wireSpec };
        request.Points.AddRange(batch.Points.Slice(range.Start * d, range.Count * d).ToArray());
        var started = Stopwatch.GetTimestamp();
        EvaluateReply reply;
        try
        {
            reply = await peer.Call(c => c.EvaluateAsync(request, deadline: Deadline(meter, range.Count), cancellationToken: token).ResponseAsync, token).ConfigureAwait(false);
        }
        catch (RpcException e) when (e.StatusCode == StatusCode.FailedPrecondition && e.Trailers.GetValue(ProtocolHeaders.MissingPlugin) is { } missing)
        {
            // The peer lost its copy (its cache was cleared): ship again, and let this chunk be taken once more.
            _shipper.Forget(peer, missing);
            await _shipper.EnsureAsync(peer, _spec.Component, token).ConfigureAwait(false);
            throw new PeerUnavailableException(peer, "had to be sent the plugin again", permanent: false);
        }
        catch (RpcException e) when (e.StatusCode is StatusCode.Aborted or StatusCode.FailedPrecondition or StatusCode.InvalidArgument)
        {
            throw new PluginFailureException(_spec.Component.Id, e.Status.Detail);
        }

        if (reply.Fitness.Count != range.Count)
        {
            throw new PeerUnavailableException(peer, $"answered {reply.Fitness.Count} values for {range.Count} points", permanent: true);
        }

        var target = batch.Fitness.Span.Slice(range.Start, range.Count);
        for (var i = 0; i < target.Length; i++)
        {
            target[i] = reply.Fitness[i];
        }

        meter.Record(range.Count, Stopwatch.GetElapsedTime(started).TotalSeconds);
        batch.Work.Done(range);
    }

    /// <summary>A backstop for peers that accept calls but never answer them; keep-alive pings catch most losses sooner.</summary>
    private static DateTime Deadline(SlotMeter meter, int points)
    {
        var rate = meter.PointsPerSecond;
        var expected = rate > 0 ? points / rate : 30;
        return DateTime.UtcNow.AddSeconds(30 + (10 * expected));
    }

    /// <summary>A share of what is left (guided self-scheduling), capped by what the slot does in the target time.</summary>
    private static int ChunkSize(int left, int slots, SlotMeter meter)
    {
        var share = (int)Math.Ceiling(left / (2.0 * Math.Max(1, slots)));
        var rate = meter.PointsPerSecond;
        return rate > 0 ? Math.Max(1, Math.Min(share, (int)(rate * TargetChunkTime.TotalSeconds))) : share;
    }

    private SlotMeter MeterOf(PeerConnection peer)
    {
        lock (_meters)
        {
            var key = peer.Address.ToString();
            if (!_meters.TryGetValue(key, out var meter))
            {
                meter = new SlotMeter(peer.Name);
                _meters[key] = meter;
            }

            return meter;
        }
    }

    private void Warn(string message)
    {
        lock (_meters)
        {
            _warnings.Add(message);
        }

        _settings.Warn?.Invoke(message);
    }
}
