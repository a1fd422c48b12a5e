using Terminal.Gui.ViewBase;
using Terminal.Gui.Views;
using Workbench.Tui.Plot;
using Workbench.Tui.Runs;
using Workbench.Tui.Views;

namespace Workbench.Tui.Screens;

/// <summary>Overlaid convergence curves with a legend, and the summary table of <c>wb runs compare</c>.</summary>
internal sealed class ComparePanel : FrameView
{
    private readonly PlotView _plot = new() { X = 0, Y = 0, Width = Dim.Percent(55), Height = Dim.Fill() };
    private readonly Label _legend = new() { Y = 0, Width = Dim.Fill(), Height = Dim.Fill() };

    public ComparePanel()
    {
        Title = "Compare";
        _legend.X = Pos.Right(_plot) + 1;
        Add(_plot, _legend);
    }

    /// <summary>Show one median curve per group of runs that differ only in seed.</summary>
    public bool GroupSeeds { get; set; }

    public void Show(IReadOnlyList<RunRow> runs, IRunBrowser browser)
    {
        var series = new List<PlotSeries>();
        if (GroupSeeds)
        {
            foreach (var group in SeedGroups.Of(runs))
            {
                var curves = group.Runs.Select(r => Points(browser, r.Id)).ToArray();
                series.Add(new PlotSeries(group.Label, SeedGroups.MedianCurve(curves), Marker(series.Count)));
            }
        }
        else
        {
            series.AddRange(runs.Select((r, i) => new PlotSeries($"{r.Algorithm}/{r.Problem} seed {r.Seed}", Points(browser, r.Id), Marker(i))));
        }

        _plot.Series = series;
        var legend = series.Select(s => $"{s.Marker} {s.Name}");
        _legend.Text = string.Join("\n", legend) + "\n\n" + TableText.Format(browser.Compare(runs.Select(r => r.Id).ToArray()));
    }

    private static char Marker(int i) => TextPlot.Markers[i % TextPlot.Markers.Length];

    private static IReadOnlyList<(double X, double Y)> Points(IRunBrowser browser, string id) =>
        browser.History(id).Select(h => (h.Evaluations, h.Best)).ToArray();
}
