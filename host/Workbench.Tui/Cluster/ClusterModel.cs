using System.Globalization;
using Workbench.Engine.Cluster;

namespace Workbench.Tui.Cluster;

/// <summary>The Cluster screen without Terminal.Gui: the peer entries as typed, the peers last probed, and the
/// actions (add, remove, set slots, share this machine), each answered with one line for the message line. No
/// exception from the cluster service leaves here: a missing key file or a dead peer is a message, not a crash.</summary>
internal sealed class ClusterModel(IClusterService cluster, string? initialPeers)
{
    // Replaced whole, never mutated, so the background probe can take it without a lock.
    private volatile string[] _entries = Split(initialPeers).Distinct().ToArray();
    private string? _mergedRunPeers;

    /// <summary>The entries as typed (HOST[:PORT], @FILE, dns:NAME ...), in the order they were added.</summary>
    public IReadOnlyList<string> Entries => _entries;

    /// <summary>The peers as last probed: one row per address the entries resolve to.</summary>
    public IReadOnlyList<PeerStatus> Peers { get; private set; } = [];

    public string? SharedAddress => cluster.SharedAddress;

    /// <summary>Splits a peer list as <c>wb run --peers</c> and the Run screen do: <c>@FILE</c> whole, else by commas.</summary>
    public static string[] Split(string? text) => string.IsNullOrWhiteSpace(text) ? []
        : text.Trim().StartsWith('@') ? [text.Trim()]
        : text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    public string Add(string text)
    {
        var entries = Split(text);
        if (entries.Length == 0)
        {
            return "type an address (HOST[:PORT], @FILE or dns:NAME) in the address field, then F6 adds it";
        }

        if (entries.FirstOrDefault(e => e.Any(char.IsWhiteSpace)) is { } bad)
        {
            return $"address '{bad}' is invalid: expected HOST:PORT,... separated by commas";
        }

        var added = Append(entries);
        return added.Length == 0 ? $"{string.Join(", ", entries)} already in the list" : $"added {string.Join(", ", added)}; probing...";
    }

    /// <summary>Adds the peers typed in the Run screen when that field changed since the last time (so a peer
    /// removed here does not come back just because the screen was shown again). True when one was added.</summary>
    public bool MergeRunPeers(string text)
    {
        if (text == _mergedRunPeers)
        {
            return false;
        }

        _mergedRunPeers = text;
        return Append(Split(text).Where(e => !e.Any(char.IsWhiteSpace)).ToArray()).Length > 0;
    }

    /// <summary>Removes the entry that names <paramref name="peer"/> (the entry as typed may lack the port).</summary>
    public string Remove(PeerStatus? peer)
    {
        if (peer is null)
        {
            return "no peer selected";
        }

        var entry = _entries.FirstOrDefault(e => Names(e, peer.Address));
        if (entry is null)
        {
            return $"{peer.Address} comes from a list entry ({string.Join(", ", _entries)}): that entry names it, not the address";
        }

        _entries = _entries.Where(e => e != entry).ToArray();
        Peers = Peers.Where(p => p.Address != peer.Address).ToArray();
        return $"removed {entry}";
    }

    /// <summary>Probes every entry; safe off the UI thread. The entries probed come back with the result so that a
    /// result taken before an add or remove is not shown after it.</summary>
    public async Task<ProbeResult> ProbeAsync(CancellationToken cancellationToken)
    {
        var entries = _entries;
        if (entries.Length == 0)
        {
            return new ProbeResult(entries, [], null);
        }

        try
        {
            return new ProbeResult(entries, await cluster.ProbeAsync(entries, cancellationToken).ConfigureAwait(false), null);
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            return new ProbeResult(entries, [], $"probing the peers failed: {OneLine(e)}");
        }
    }

    /// <summary>Takes a probe's rows (on the UI thread); false when the entries changed since it started.</summary>
    public bool Apply(ProbeResult result)
    {
        if (!ReferenceEquals(result.Entries, _entries))
        {
            return false;
        }

        if (result.Error is null)
        {
            Peers = result.Peers;
        }

        return true;
    }

    public async Task<string> SetSlotsAsync(PeerStatus? peer, string slotsText, CancellationToken cancellationToken)
    {
        if (peer is null)
        {
            return "no peer selected: pick one in the table, type the slots, then F8";
        }

        var (slots, error) = Count(slotsText, "cpu slots");
        if (error is not null)
        {
            return error;
        }

        try
        {
            var after = await cluster.SetSlotsAsync(peer.Address, slots, cancellationToken).ConfigureAwait(false);
            return after.Reachable
                ? $"{after.Name ?? after.Address}: {after.CpuSlots} cpu slots shared, {after.CpuBusy} busy (running work goes on)"
                : $"could not set slots on {peer.Address}: {after.Reason}";
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            return $"could not set slots on {peer.Address}: {OneLine(e)}";
        }
    }

    public async Task<string> ShareAsync(string coresText, CancellationToken cancellationToken)
    {
        var (cores, error) = Count(coresText, "cores to share");
        if (error is not null)
        {
            return error;
        }

        try
        {
            var address = await cluster.ShareThisMachineAsync(cores, cancellationToken).ConfigureAwait(false);
            return address is null ? "this machine is not shared" : $"sharing {cores} core(s) of this machine at {address}";
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            return $"could not share this machine: {OneLine(e)}";
        }
    }

    /// <summary>The line under the table: where others reach this machine, or that it is not shared.</summary>
    public string ShareLine() => SharedAddress is { } address
        ? $"this machine is shared at {address} (others: --peers {address})"
        : "this machine is not shared (type cores, F9 shares them while the UI is open)";

    public static string OneLine(Exception e) => e.Message.ReplaceLineEndings(" ");

    private string[] Append(string[] entries)
    {
        var added = entries.Distinct().Where(e => !_entries.Contains(e, StringComparer.Ordinal)).ToArray();
        if (added.Length > 0)
        {
            _entries = [.. _entries, .. added];
        }

        return added;
    }

    /// <summary>True when the typed entry names the probed address: the same text, or the host without its port.</summary>
    private static bool Names(string entry, string address) => entry == address ||
        (address.StartsWith(entry + ":", StringComparison.Ordinal) && address[(entry.Length + 1)..].All(char.IsAsciiDigit));

    private static (int Value, string? Error) Count(string text, string what) =>
        int.TryParse(text.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var n)
            ? (n, null)
            : (0, $"{what} '{text.Trim()}' is invalid: expected an integer >= 0");
}

/// <summary>One probe: the entries it asked about, the peers it found, or why it failed as a whole.</summary>
internal sealed record ProbeResult(string[] Entries, IReadOnlyList<PeerStatus> Peers, string? Error);
