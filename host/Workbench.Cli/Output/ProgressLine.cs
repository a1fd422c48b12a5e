using System.Diagnostics;
using System.Globalization;
using Workbench.Engine.Evaluation;
using Workbench.Engine.Running;

namespace Workbench.Cli.Output;

/// <summary>A live one-line progress display on a terminal (stderr), redrawn at most ten times a second.</summary>
internal sealed class ProgressLine : IRunObserver
{
    private static readonly long Interval = Stopwatch.Frequency / 10;
    private readonly TextWriter _writer;
    private readonly IReportingEvaluator? _spread;
    private long _lastDraw;
    private int _width;

    public ProgressLine(TextWriter writer, IReportingEvaluator? spread = null)
    {
        _writer = writer;
        _spread = spread;
    }

    /// <summary>Only when stderr is a terminal: progress must never pollute captured output. With peers, the line
    /// also shows how many are up.</summary>
    public static IRunObserver? ForTerminal(IEvaluator? evaluator = null) =>
        Console.IsErrorRedirected ? null : new ProgressLine(Console.Error, evaluator as IReportingEvaluator);

    public void OnRunStarted(RunDescription run) => _lastDraw = Stopwatch.GetTimestamp();

    public void OnIteration(IterationRecord record)
    {
        var now = Stopwatch.GetTimestamp();
        if (now - _lastDraw < Interval)
        {
            return;
        }

        _lastDraw = now;
        var rate = record.ElapsedSeconds > 0 ? record.Evaluations / record.ElapsedSeconds : 0;
        var text = string.Create(CultureInfo.InvariantCulture,
            $"iter {record.Iteration,8}  evals {record.Evaluations,11}  best {record.BestSoFar,13:G6}  {rate,12:N0} evals/s  {record.ElapsedSeconds,7:F1} s{(_spread is null ? "" : "  " + _spread.Status)}");
        _width = Math.Max(_width, text.Length);
        _writer.Write("\r" + text.PadRight(_width));
    }

    public void OnRunFinished(RunSummary summary)
    {
        if (_width > 0)
        {
            _writer.Write("\r" + new string(' ', _width) + "\r");
        }
    }
}
