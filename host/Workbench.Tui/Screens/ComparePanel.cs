using Terminal.Gui.ViewBase;
using Terminal.Gui.Views;
using Workbench.Tui.Plot;
using Workbench.Tui.Runs;
using Workbench.Tui.Views;

namespace Workbench.Tui.Screens;

/// <summary>Overlaid convergence curves with a legend above the summary table of <c>wb runs compare</c> (threshold
/// columns that do not fit the width are cut; <c>wb runs compare</c> prints them all).</summary>
internal sealed class ComparePanel : FrameView
{
    private readonly PlotView _plot = new() { X = 0, Y = 0, Width = Dim.Percent(55) };
    private readonly Label _legend = new() { Y = 0, Width = Dim.Fill() };
    private readonly TableView _table = new() { X = 0, Y = Pos.AnchorEnd(), Width = Dim.Fill(), Height = 2, FullRowSelect = true };
    private int _tableHeight = 2;

    public ComparePanel()
    {
        Title = "Compare";
        _legend.X = Pos.Right(_plot) + 1;
        _plot.Height = Dim.Fill(Dim.Func(_ => _tableHeight));
        _legend.Height = Dim.Fill(Dim.Func(_ => _tableHeight));
        _table.Style.ShowHorizontalHeaderOverline = false;
        _table.Style.ShowHorizontalBottomLine = false;
        _table.Style.ShowVerticalCellLines = false;
        _table.Style.ShowVerticalHeaderLines = false;
        Add(_plot, _legend, _table);
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
        _legend.Text = string.Join("\n", series.Select(s => $"{s.Marker} {s.Name}"));

        var compare = browser.Compare(runs.Select(r => r.Id).ToArray());
        var columns = new Dictionary<string, Func<IReadOnlyList<string>, object>>();
        for (var i = 0; i < compare.Headers.Count; i++)
        {
            var index = i;
            columns[compare.Headers[i]] = row => index < row.Count ? row[index] : "";
        }

        // Header, underline and one line per run; at most half the panel (9 lines before its first layout at
        // 80x24) so the curves stay readable: more runs than that scroll.
        var panel = Viewport.Height > 0 ? Viewport.Height : 9;
        _tableHeight = Math.Min(compare.Rows.Count + 2, Math.Max(3, panel / 2));
        _table.Height = _tableHeight;
        _table.Table = new EnumerableTableSource<IReadOnlyList<string>>(compare.Rows, columns);
        _table.Update();
        SetNeedsLayout();
    }

    private static char Marker(int i) => TextPlot.Markers[i % TextPlot.Markers.Length];

    private static IReadOnlyList<(double X, double Y)> Points(IRunBrowser browser, string id) =>
        browser.History(id).Select(h => (h.Evaluations, h.Best)).ToArray();
}
