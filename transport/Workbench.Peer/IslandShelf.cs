using System.Collections.Concurrent;
using Workbench.Contracts.Optimizers;
using Workbench.Engine.Islands;
using Workbench.Engine.Specs;

namespace Workbench.Peer;

/// <summary>The islands this peer holds between calls, by key. An island nobody asked for in a while is
/// forgotten (its run ended without releasing it); a client that still wants it rebuilds it by replay.</summary>
internal sealed class IslandShelf
{
    public static readonly TimeSpan IdleLimit = TimeSpan.FromMinutes(10);

    private readonly ConcurrentDictionary<string, HeldIsland> _islands = new(StringComparer.Ordinal);

    public int Count => _islands.Count;

    public HeldIsland? Find(string key)
    {
        if (_islands.TryGetValue(key, out var island))
        {
            island.LastUsed = DateTime.UtcNow;
            return island;
        }

        return null;
    }

    public HeldIsland Keep(string key, IslandReplica replica, ProblemSpec problem, ComponentSpec optimizer)
    {
        ForgetIdle();
        var island = new HeldIsland(replica, problem, optimizer) { LastUsed = DateTime.UtcNow };
        _islands[key] = island;
        return island;
    }

    public void Release(IEnumerable<string> keys)
    {
        foreach (var key in keys)
        {
            _islands.TryRemove(key, out _);
        }
    }

    private void ForgetIdle()
    {
        var now = DateTime.UtcNow;
        foreach (var (key, island) in _islands)
        {
            if (now - island.LastUsed > IdleLimit && Monitor.TryEnter(island))
            {
                try
                {
                    _islands.TryRemove(KeyValuePair.Create(key, island));
                }
                finally
                {
                    Monitor.Exit(island);
                }
            }
        }
    }
}

/// <summary>An island held by the peer. Calls on one island are serialised by locking it.</summary>
internal sealed class HeldIsland(IslandReplica replica, ProblemSpec problem, ComponentSpec optimizer)
{
    public IslandReplica Replica { get; } = replica;

    public ProblemSpec Problem { get; } = problem;

    public ComponentSpec Optimizer { get; } = optimizer;

    public DateTime LastUsed { get; set; }
}
