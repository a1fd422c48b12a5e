using System.Globalization;
using Terminal.Gui.ViewBase;
using Terminal.Gui.Views;
using Workbench.Tui.Live;
using Workbench.Tui.Plot;

namespace Workbench.Tui.Screens;

/// <summary>The live part of the Run screen: the convergence plot and the numbers of the current run.</summary>
internal sealed class LivePanel : FrameView
{
    private readonly Views.PlotView _plot = new() { X = 0, Y = 0, Width = Dim.Fill(), Height = Dim.Fill(3) };
    private readonly Label _numbers = new() { X = 0, Y = Pos.AnchorEnd(3), Width = Dim.Fill(), Height = 3, Text = "no run yet: F5 starts one" };

    public LivePanel()
    {
        Title = "Convergence";
        TabStop = TabBehavior.TabStop;
        Add(_plot, _numbers);
    }

    public void Show(LiveSnapshot s)
    {
        var name = s.Run is null ? "run" : $"{s.Run.Algorithm.Id} on {s.Run.Problem.Id}";
        _plot.Series = [new PlotSeries(name, s.Curve, TextPlot.Markers[0])];
        var r = s.Latest;
        var state = s.Finished is { } f
            ? f.Status == Engine.Running.RunStatus.Completed ? f.StopReason.ToString() : f.Status.ToString().ToLowerInvariant()
            : "running";
        _numbers.Text = r is null
            ? $"starting {name}..."
            : string.Create(CultureInfo.InvariantCulture,
                $"iter {r.Iteration}  evals {r.Evaluations}\nbest {r.BestSoFar:G6}  {TextPlot.Compact(s.EvaluationsPerSecond)} evals/s\n{r.ElapsedSeconds:0.0} s  [{state}]{(s.Spread is null ? "" : "  " + s.Spread)}");
    }

    public void Clear(string text)
    {
        _plot.Series = [];
        _numbers.Text = text;
    }
}
