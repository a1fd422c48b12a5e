using Terminal.Gui.Input;
using Terminal.Gui.ViewBase;
using Terminal.Gui.Views;
using Workbench.Tui.Runs;
using Workbench.Tui.Views;

namespace Workbench.Tui.Screens;

/// <summary>Stored runs in a filterable, sortable table; mark several with Space and compare, tag, delete or export
/// them through <see cref="IRunBrowser"/> (the same code as <c>wb runs ...</c>).</summary>
internal sealed class RunsScreen : IScreen
{
    private readonly IRunBrowser? _browser;
    private readonly UiThread _ui;
    private readonly Action<string> _message;
    private readonly RunTableModel _model = new();
    private readonly TextField _filter = new() { X = 8, Y = 0, Width = Dim.Percent(40) };
    private readonly TextField _tag = new() { Y = 0, Width = Dim.Fill() };
    private readonly TableView _table = new() { X = 0, Y = 1, Width = Dim.Fill(), Height = Dim.Fill(), FullRowSelect = true, MultiSelect = false };
    private readonly ComparePanel _compare = new() { X = 0, Width = Dim.Fill(), Height = Dim.Percent(60), Visible = false };
    private IReadOnlyList<RunRow> _visible = [];
    private string? _pendingDelete;

    public RunsScreen(IRunBrowser? browser, UiThread ui, Action<string> message)
    {
        (_browser, _ui, _message) = (browser, ui, message);
        var tagLabel = new Label { Text = "tag:", X = Pos.Right(_filter) + 1, Y = 0 };
        _tag.X = Pos.Right(tagLabel) + 1;
        _compare.Y = Pos.AnchorEnd(); // flush with the bottom: AnchorEnd already subtracts the panel's own height
        var frame = new FrameView { Title = "Stored runs (Space marks)", X = 0, Y = 0, Width = Dim.Fill(), Height = Dim.Fill() };
        frame.Add(new Label { Text = "filter:", X = 0, Y = 0 }, _filter, tagLabel, _tag, _table, _compare);
        View = frame;
        _filter.TextChanged += (_, _) =>
        {
            _model.Filter = _filter.Text;
            Redraw();
        };
        _table.KeyDown += (_, key) =>
        {
            if (key == Key.Space && Cursor() is { } row)
            {
                _model.ToggleMark(row.Id);
                Redraw();
                key.Handled = true;
            }
        };
        Keys =
        [
            new(Key.F5, "Reload", Reload),
            new(Key.F7, "Sort", () =>
            {
                _model.SortBy((_model.SortColumn + 1) % RunTableModel.Columns.Length);
                Redraw();
                _message($"sorted by {RunTableModel.Columns[_model.SortColumn]} {(_model.Descending ? "descending" : "ascending")}");
            }),
            new(Key.F8, "Compare", Compare),
            new(Key.G.WithCtrl, "Medians", () =>
            {
                _compare.GroupSeeds = !_compare.GroupSeeds;
                Compare();
            }),
            new(Key.F9, "Delete", Delete),
            new(Key.T.WithCtrl, "Tag", Tag),
            new(Key.E.WithCtrl, "CSV", () => Export("csv")),
            new(Key.P.WithCtrl, "PNG", () => Export("png")),
        ];
    }

    public string Title => "Runs";

    public View View { get; }

    public IReadOnlyList<ScreenKey> Keys { get; }

    public void OnShown()
    {
        Reload();
        _table.SetFocus();
    }

    public void Reload()
    {
        if (_browser is null)
        {
            _message("no run store in this build: runs are not recorded");
            return;
        }

        _model.SetRows(_browser.List());
        Redraw();
    }

    private void Redraw()
    {
        // Keep the cursor on the same run across a reload, a sort or a mark: F9 and Ctrl+T act on the run under it.
        var current = Cursor()?.Id;
        var column = Math.Max(0, _table.Value?.SelectedCell.X ?? 0);
        _visible = _model.Visible();
        var columns = new Dictionary<string, Func<RunRow, object>> { [" "] = r => _model.IsMarked(r.Id) ? "*" : " " };
        for (var i = 0; i < RunTableModel.Columns.Length; i++)
        {
            var index = i;
            var name = RunTableModel.Columns[i] + (i == _model.SortColumn ? (_model.Descending ? "v" : "^") : "");
            columns[name] = r => RunTableModel.Cells(r)[index];
        }

        _table.Table = new EnumerableTableSource<RunRow>(_visible, columns);
        var row = current is null ? -1 : _visible.ToList().FindIndex(r => r.Id == current);
        if (row >= 0)
        {
            _table.SetSelection(column, row, false, null);
        }

        _table.Update();
    }

    private RunRow? Cursor() => _table.Value?.SelectedCell.Y is int y && y >= 0 && y < _visible.Count ? _visible[y] : null;

    /// <summary>The marked runs, or the run under the cursor when none is marked.</summary>
    private IReadOnlyList<RunRow> Targets()
    {
        var marked = _model.All.Where(r => _model.IsMarked(r.Id)).ToArray();
        return marked.Length > 0 ? marked : Cursor() is { } row ? [row] : [];
    }

    private void Compare()
    {
        var targets = Targets();
        if (_browser is null || targets.Count == 0)
        {
            _message("mark runs with Space, then F8 compares them");
            return;
        }

        // A damaged run's history is refused by the store: say so rather than end the UI.
        _ui.Guard(() =>
        {
            _compare.Show(targets, _browser);
            _compare.Visible = true;
            _table.Height = Dim.Fill(Dim.Func(_ => _compare.Frame.Height));
            _message($"comparing {targets.Count} run(s){(_compare.GroupSeeds ? ", seeds grouped (medians)" : "")}");
        });
    }

    private void Delete()
    {
        var targets = Targets();
        if (_browser is null || targets.Count == 0)
        {
            return;
        }

        var key = string.Join(",", targets.Select(t => t.Id));
        if (_pendingDelete != key)
        {
            _pendingDelete = key;
            _message(targets.Count == 1
                ? $"press F9 again to delete run {targets[0].Id[..Math.Min(12, targets[0].Id.Length)]} ({targets[0].Algorithm} on {targets[0].Problem})"
                : $"press F9 again to delete {targets.Count} marked runs");
            return;
        }

        _pendingDelete = null;
        _ui.Guard(() =>
        {
            foreach (var t in targets)
            {
                _browser.Delete(t.Id);
            }

            _message($"deleted {targets.Count} run(s)");
        });
        Reload();
    }

    private void Tag()
    {
        var tag = _tag.Text.Trim();
        var targets = Targets();
        if (_browser is null || targets.Count == 0 || tag.Length == 0)
        {
            _message("type a tag in the tag field, mark runs, then Ctrl+T");
            return;
        }

        _ui.Guard(() =>
        {
            foreach (var t in targets)
            {
                _browser.Tag(t.Id, tag);
            }

            _message($"tagged {targets.Count} run(s) '{tag}'");
        });
        Reload();
    }

    private void Export(string kind)
    {
        var targets = Targets();
        if (_browser is null || targets.Count == 0)
        {
            return;
        }

        var ids = targets.Select(t => t.Id).ToArray();
        var path = Path.GetFullPath($"wb-runs-{DateTime.Now:yyyyMMdd-HHmmss}.{kind}");
        _ui.Guard(() => _message($"wrote {(kind == "csv" ? _browser.ExportCsv(ids, path) : _browser.ExportPng(ids, path))}"));
    }
}
