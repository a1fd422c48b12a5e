namespace Workbench.Engine.Running;

/// <summary>Which plugin call the run thread is inside, and since when: what the watchdog names when a call never
/// returns, and where it may cut a run at its time limit. Written by the run thread, read by the watchdog.</summary>
internal sealed class PluginCalls
{
    /// <summary>Stands in for the current call once the watchdog has cut the run inside its Ask.</summary>
    private const string CutMark = "the run was cut at its time limit inside Ask";

    private readonly string _ask;
    private readonly string _evaluate;
    private readonly string _tell;
    private string? _current;
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

    /// <summary>Ends the current call. The run thread learns here that the watchdog cut the run while it was in
    /// Ask: the run is already finished without it, so it must not go on to evaluate or record anything.</summary>
    /// <exception cref="OperationCanceledException">The run was cut during the call that just returned.</exception>
    public void Leave()
    {
        if (ReferenceEquals(Interlocked.Exchange(ref _current, null), CutMark))
        {
            throw new OperationCanceledException(CutMark);
        }
    }

    /// <summary>Cuts the run if its thread is inside the optimiser's Ask now, atomically with the thread's
    /// <see cref="Leave"/>: either the cut happens and the thread stops at its Leave, or the Ask had already
    /// returned and nothing changes.</summary>
    /// <remarks>Only Ask, because nothing of the iteration exists yet there: the records so far are complete, and
    /// dropping the Ask loses nothing but the batch being made. A GA's offspring of 10⁷ individuals, or its initial
    /// population, takes seconds to make; Evaluate is cut between slices by the loop itself, and Tell ends an
    /// iteration that is already counted.</remarks>
    public bool TryCutAsk() => ReferenceEquals(Interlocked.CompareExchange(ref _current, CutMark, _ask), _ask);

    /// <summary>"problem 'x' (plugin X) has not returned from Evaluate for 4.0 s", or the run's own code when no plugin call is open.</summary>
    public string Describe()
    {
        var call = Volatile.Read(ref _current);
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
        Volatile.Write(ref _current, call);
    }
}
