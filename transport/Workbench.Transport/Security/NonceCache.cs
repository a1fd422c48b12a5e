namespace Workbench.Transport.Security;

/// <summary>The nonces seen inside the replay window. A nonce is remembered until its timestamp leaves the window;
/// a request whose timestamp is outside the window is refused before it gets here, so nothing older is needed.</summary>
public sealed class NonceCache(TimeProvider time)
{
    private readonly object _gate = new();
    private readonly HashSet<string> _seen = new(StringComparer.Ordinal);
    private readonly Queue<(long ExpiresMs, string Nonce)> _expiry = new();

    /// <summary>Records the nonce; false when it was already seen (a replay).</summary>
    public bool TryRecord(string nonce, long timestampMs)
    {
        var now = time.GetUtcNow().ToUnixTimeMilliseconds();
        lock (_gate)
        {
            while (_expiry.TryPeek(out var oldest) && oldest.ExpiresMs < now)
            {
                _seen.Remove(_expiry.Dequeue().Nonce);
            }

            if (!_seen.Add(nonce))
            {
                return false;
            }

            // Kept until the latest moment a message with this timestamp could still be accepted.
            _expiry.Enqueue((Math.Max(now, timestampMs) + (long)MessageSigner.Window.TotalMilliseconds, nonce));
            return true;
        }
    }

    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _seen.Count;
            }
        }
    }
}
