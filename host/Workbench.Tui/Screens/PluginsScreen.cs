using Terminal.Gui.Input;
using Terminal.Gui.ViewBase;
using Terminal.Gui.Views;
using Workbench.Plugins;

namespace Workbench.Tui.Screens;

/// <summary>Every plugin folder found, loaded or failed with its reason; redrawn whenever the catalog changes.</summary>
internal sealed class PluginsScreen : IScreen
{
    private readonly PluginCatalog _catalog;
    private readonly TableView _table = new() { X = 0, Y = 0, Width = Dim.Fill(), Height = Dim.Fill(4), FullRowSelect = true, MultiSelect = false };
    private readonly Label _detail = new() { X = 0, Y = Pos.AnchorEnd(4), Width = Dim.Fill(), Height = 4 };
    private IReadOnlyList<PluginEntry> _entries = [];

    public PluginsScreen(PluginCatalog catalog, Action<string> message)
    {
        _catalog = catalog;
        var frame = new FrameView { Title = "Plugins", X = 0, Y = 0, Width = Dim.Fill(), Height = Dim.Fill() };
        frame.Add(_table, _detail);
        View = frame;
        _table.ValueChanged += (_, _) => ShowDetail();
        Keys =
        [
            new(Key.F5, "Rescan", () =>
            {
                var change = _catalog.Rescan();
                Reload();
                message(change.IsEmpty ? "no plugin changed" : $"rescanned: {change}");
            }),
        ];
        Reload();
    }

    public string Title => "Plugins";

    public View View { get; }

    public IReadOnlyList<ScreenKey> Keys { get; }

    public void OnShown() => _table.SetFocus();

    public void Reload()
    {
        _entries = _catalog.Plugins;
        _table.Table = new EnumerableTableSource<PluginEntry>(_entries, new Dictionary<string, Func<PluginEntry, object>>
        {
            ["plugin"] = e => e.Metadata?.Id ?? e.Folder,
            ["kind"] = e => e.Kinds.Length == 0 ? "-" : e.Kinds,
            ["version"] = e => e.Metadata?.Version ?? "-",
            ["folder"] = e => e.Folder,
            ["status"] = e => e.Status == PluginStatus.Loaded ? "loaded" : "FAILED: " + e.FailureReason,
        });
        _table.Update();
        ShowDetail();
    }

    private void ShowDetail()
    {
        var row = _table.Value?.SelectedCell.Y ?? 0;
        if (row < 0 || row >= _entries.Count)
        {
            _detail.Text = _entries.Count == 0 ? $"no plugins found in {string.Join(", ", _catalog.Directories)}" : "";
            return;
        }

        var e = _entries[row];
        var provides = string.Join(", ", e.Provides.Select(p => $"{p.Kind} {p.Id}"));
        var about = string.Join(" — ", new[] { e.Metadata?.Description, string.IsNullOrWhiteSpace(e.Metadata?.Authors) ? null : "by " + e.Metadata.Authors }.Where(t => !string.IsNullOrWhiteSpace(t)));
        _detail.Text = $"{e.FolderPath}{(about.Length == 0 ? "" : "  " + about)}\nprovides: {(provides.Length == 0 ? "nothing" : provides)}\n" +
            (e.Status == PluginStatus.Loaded ? $"loaded, sha256 {e.Sha256[..Math.Min(16, e.Sha256.Length)]}" : $"failed: {e.FailureReason}");
    }
}
