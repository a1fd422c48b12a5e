namespace Workbench.Tui.Tests.Unit;

/// <summary>A clock the test moves by hand; only timestamps are used by the throttles.</summary>
internal sealed class ManualClock : TimeProvider
{
    private long _ticks;

    public override long TimestampFrequency => TimeSpan.TicksPerSecond;

    public override long GetTimestamp() => _ticks;

    public void Advance(TimeSpan by) => _ticks += by.Ticks;
}
