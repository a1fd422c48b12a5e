namespace Workbench.Engine.Running;

/// <summary>Which plugin call the run thread is inside, and since when: what the watchdog names when a call never
/// returns. Written by the run thread, read by the watchdog.</summary>
internal sealed class PluginCalls
{
    private readonly string _ask;
    private readonly string _evaluate;
    private readonly string _tell;
    private volatile string? _current;
    private long _since;

    public PluginCalls(RunDescription run)
    {
        var algorithm = $"algorithm '{run.Algorithm.Id}' (plugin {run.Algorithm.Origin.PluginId})";
        _ask = $"{algorithm} has not returned from Ask";
        _tell = $"{algorithm} has not returned from Tell";
        _evaluate = $"problem '{run.Problem.Id}' (plugin {run.Problem.Origin.PluginId}) has not returned from Evaluate";
    }

    public void EnterAsk() => Enter(_ask);

    public void EnterEvaluate() => Enter(_evaluate);

    public void EnterTell() => Enter(_tell);

    public void Leave() => _current = null;

    /// <summary>"problem 'x' (plugin X) has not returned from Evaluate for 4.0 s", or the run's own code when no plugin call is open.</summary>
    public string Describe()
    {
        var call = _current;
        if (call is null)
        {
            return "the run loop has not come back (outside any plugin call)";
        }

        var seconds = TimeProvider.System.GetElapsedTime(Interlocked.Read(ref _since)).TotalSeconds;
        return string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{call} for {seconds:F1} s");
    }

    // Real time, whatever clock the run uses: a hang is a fact about the wall clock.
    private void Enter(string call)
    {
        Interlocked.Exchange(ref _since, TimeProvider.System.GetTimestamp());
        _current = call;
    }
}
