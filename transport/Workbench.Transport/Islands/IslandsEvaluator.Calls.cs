using System.Diagnostics;
using Grpc.Core;
using Workbench.Engine;
using Workbench.Engine.Evaluation;
using Workbench.Engine.Islands;
using Workbench.Transport.Client;
using Workbench.Transport.Protocol;

namespace Workbench.Transport.Islands;

/// <summary>The calls of <see cref="IslandsEvaluator"/>: reading an island's next generation from its peer,
/// evaluating a local island, and moving an island whose peer was lost.</summary>
public sealed partial class IslandsEvaluator
{
    /// <summary>Attempts at one generation of one island that are not moves (shipping a plugin, a peer that forgot
    /// the island) before the peer is treated as lost: each should succeed the first time.</summary>
    private const int MaxRetriesPerPeer = 3;

    private readonly SemaphoreSlim _localProblem = new(1, 1);
    private readonly object _moving = new();

    private async Task FillAsync(IslandBatch island, int generations, CancellationToken cancellationToken)
    {
        var home = island.Home;
        var started = Stopwatch.GetTimestamp();
        var retries = 0;
        while (true)
        {
            if (home.Peer is not { } peer)
            {
                await EvaluateHereAsync(island, cancellationToken).ConfigureAwait(false);
                break;
            }

            try
            {
                if (home.Call is null || home.Remaining == 0)
                {
                    await StartAsync(home, peer, home.Remaining > 0 ? home.Remaining : generations, cancellationToken).ConfigureAwait(false);
                }

                var stream = home.Call!.ResponseStream;
                if (!await stream.MoveNext(cancellationToken).ConfigureAwait(false))
                {
                    throw Diverged(home, "stopped before this machine's copy of the island did");
                }

                home.Remaining--;
                Take(island, stream.Current);
                break;
            }
            catch (RpcException e) when (!cancellationToken.IsCancellationRequested)
            {
                home.EndCall();
                if (e.StatusCode == StatusCode.Aborted)
                {
                    throw new PluginFailureException(_layout.Optimizer.Id, $"island {home.Index}: {e.Status.Detail}");
                }

                if (e.StatusCode == StatusCode.FailedPrecondition && ++retries <= MaxRetriesPerPeer && Missing(e) is { } missing)
                {
                    await MissingAsync(home, peer, missing, cancellationToken).ConfigureAwait(false);
                    continue;
                }

                Move(home, PeerConnection.Describe(e));
            }
            catch (PeerUnavailableException e) when (!cancellationToken.IsCancellationRequested)
            {
                home.EndCall();
                Move(home, e.Reason);
            }
        }

        home.Evaluations += island.Fitness.Length;
        home.Generations++;
        home.Seconds += Stopwatch.GetElapsedTime(started).TotalSeconds;
    }

    private async Task StartAsync(IslandHome home, PeerConnection peer, int generations, CancellationToken cancellationToken)
    {
        var request = new IslandRequest { Key = $"{_runKey}-{home.Index}", Generations = generations, Told = home.Told };
        if (home.NeedsSetup)
        {
            await _shipper.EnsureAsync(peer, _layout.Optimizer, cancellationToken).ConfigureAwait(false);
            await _shipper.EnsureAsync(peer, _problem.Spec!.Component, cancellationToken).ConfigureAwait(false);
            request.Setup = _setups[home.Index];
            request.Steps.AddRange(home.Log);
        }
        else
        {
            request.Steps.AddRange(home.Pending);
        }

        home.Pending.Clear();
        home.NeedsSetup = false;
        home.Call = peer.Client.RunIsland(request, cancellationToken: _ending.Token);
        home.Remaining = generations;
    }

    /// <summary>Copies a generation's fitness into the batch, after checking the peer's island asked exactly the
    /// points this machine's copy asked.</summary>
    private void Take(IslandBatch island, IslandGeneration generation)
    {
        var count = island.Fitness.Length;
        if (island.Whole && (generation.Fitness.Count != count || generation.PointsHash != IslandReplica.PointsHash(island.Points.Span)))
        {
            throw Diverged(island.Home, "asked other points than this machine's copy of the island");
        }

        var fitness = island.Fitness.Span;
        for (var i = 0; i < count; i++)
        {
            fitness[i] = generation.Fitness[i];
        }
    }

    private PluginFailureException Diverged(IslandHome home, string what) => new(_layout.Optimizer.Id,
        $"island {home.Index} on peer {home.Place} {what} at generation {home.Told + 1}: algorithm '{_layout.Optimizer.Id}' is not deterministic, so its islands cannot run on peers (use distribute evaluations)");

    private async Task EvaluateHereAsync(IslandBatch island, CancellationToken cancellationToken)
    {
        var exclusive = !_problem.Traits.IsThreadSafe;
        if (exclusive)
        {
            await _localProblem.WaitAsync(cancellationToken).ConfigureAwait(false);
        }

        try
        {
            _problem.Evaluate(island.Points.Span, island.Fitness.Span);
        }
        finally
        {
            if (exclusive)
            {
                _localProblem.Release();
            }
        }
    }

    private static string? Missing(RpcException e) =>
        e.Trailers.GetValue(ProtocolHeaders.MissingPlugin) ?? (e.Trailers.GetValue(ProtocolHeaders.MissingIsland) is not null ? "" : null);

    /// <summary>The peer lacks a plugin (ship it) or the island (rebuild it): either way the next call sets it up.</summary>
    private async Task MissingAsync(IslandHome home, PeerConnection peer, string folderSha256, CancellationToken cancellationToken)
    {
        home.NeedsSetup = true;
        if (folderSha256.Length == 0)
        {
            return;
        }

        var component = folderSha256 == _layout.Optimizer.FolderSha256 ? _layout.Optimizer : _problem.Spec!.Component;
        _shipper.Forget(peer, folderSha256);
        await _shipper.EnsureAsync(peer, component, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Moves an island whose peer was lost to the peer with the fewest islands per slot, else to this
    /// machine; fails the run when neither may take it.</summary>
    private void Move(IslandHome home, string reason)
    {
        lock (_moving)
        {
            var lost = home.Peer!;
            _cluster.MarkLost(new PeerUnavailableException(lost, reason, permanent: false));
            var target = LeastLoaded(_cluster.Up.Where(p => !ReferenceEquals(p, lost)));
            if (target is null && !_settings.UseLocal)
            {
                throw new EvaluatorLostException(Text($"island {home.Index} was lost with peer {lost.Name} ({lost.Address}): {reason}; no other peer is up, and --no-local keeps it off this machine"));
            }

            home.Peer = target;
            home.NeedsSetup = true;
            _moves++;
            Warn(Text($"island {home.Index} lost with peer {lost.Name}: {reason}; it resumes at generation {home.Told + 1} on {target?.Name ?? "this machine"}"));
        }
    }

    /// <summary>Places island k on the k-th slot, counting the peers' slots round-robin first, then this machine's.</summary>
    private void Place()
    {
        var slots = new List<PeerConnection?>(_cluster.SlotsRoundRobin());
        var onPeers = slots.Count;
        if (_settings.UseLocal)
        {
            slots.AddRange(Enumerable.Repeat<PeerConnection?>(null, _problem.Traits.IsThreadSafe ? Math.Max(1, _settings.LocalWorkers) : 1));
        }

        if (slots.Count == 0)
        {
            throw new RunSetupException("peers", $"peers: no slot for the islands, and --no-local keeps them off this machine ({_cluster.Reasons()})");
        }

        foreach (var home in _homes)
        {
            home.Peer = slots[home.Index % slots.Count];
        }

        if (onPeers == 0)
        {
            Warn("no peer answers: every island runs on this machine");
        }
    }

    private PeerConnection? LeastLoaded(IEnumerable<PeerConnection> candidates) => candidates
        .Where(p => p.Info?.CpuSlots > 0)
        .OrderBy(p => (double)_homes.Count(h => ReferenceEquals(h.Peer, p)) / p.Info!.CpuSlots)
        .FirstOrDefault();

    /// <summary>Tells every peer that held islands to forget them; a peer that does not answer at once forgets them
    /// by itself after <c>IslandShelf.IdleLimit</c>.</summary>
    private void ReleaseAll()
    {
        var calls = new List<Task>();
        foreach (var group in _homes.Where(h => h.Peer is not null).GroupBy(h => h.Peer!))
        {
            var request = new ReleaseIslandsRequest();
            request.Keys.AddRange(group.Select(h => $"{_runKey}-{h.Index}"));
            calls.Add(group.Key.Client.ReleaseIslandsAsync(request, deadline: DateTime.UtcNow.AddSeconds(1)).ResponseAsync);
        }

        try
        {
            Task.WhenAll(calls).Wait(TimeSpan.FromSeconds(1));
        }
        catch (AggregateException)
        {
            // Best effort: see the summary.
        }
    }
}
