namespace Workbench.Transport.Evaluation;

/// <summary>What one place (a peer, or this machine) did: points, chunks, seconds, and its measured throughput
/// per worker, which sizes its next chunks.</summary>
internal sealed class SlotMeter(string name)
{
    private readonly object _gate = new();
    private double _pointsPerSecond;

    public string Name { get; } = name;

    public long Evaluations { get; private set; }

    public long Chunks { get; private set; }

    public double Seconds { get; private set; }

    /// <summary>Points per second of one worker, smoothed; 0 before the first chunk came back.</summary>
    public double PointsPerSecond
    {
        get
        {
            lock (_gate)
            {
                return _pointsPerSecond;
            }
        }
    }

    public void Record(int points, double seconds)
    {
        lock (_gate)
        {
            Evaluations += points;
            Chunks++;
            Seconds += seconds;
            var rate = points / Math.Max(seconds, 1e-6);
            _pointsPerSecond = _pointsPerSecond == 0 ? rate : (0.7 * _pointsPerSecond) + (0.3 * rate);
        }
    }
}
