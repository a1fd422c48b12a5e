using System.Collections.ObjectModel;
using Terminal.Gui.ViewBase;
using Terminal.Gui.Views;

namespace Workbench.Tui.Screens;

/// <summary>A framed list of component ids that keeps the selection by id when the catalog changes underneath it.</summary>
internal sealed class ComponentPicker : FrameView
{
    private readonly ObservableCollection<string> _ids = [];
    private readonly ListView _list = new() { X = 0, Y = 0, Width = Dim.Fill(), Height = Dim.Fill() };

    public ComponentPicker(string title)
    {
        Title = title;

        // Frames default to tab groups (reached with F6); plain Tab should walk list -> list -> form instead.
        TabStop = TabBehavior.TabStop;
        _list.SetSource(_ids);
        _list.ValueChanged += (_, _) => SelectionChanged?.Invoke();
        Add(_list);
    }

    public event Action? SelectionChanged;

    public void FocusList() => _list.SetFocus();

    public string? Selected => _list.SelectedItem is int i && i >= 0 && i < _ids.Count ? _ids[i] : null;

    /// <summary>Replaces the ids, keeping the selected one if it is still there.</summary>
    public void SetIds(IEnumerable<string> ids)
    {
        var keep = Selected;
        var fresh = ids.Order(StringComparer.Ordinal).ToList();
        if (fresh.SequenceEqual(_ids))
        {
            return;
        }

        _ids.Clear();
        foreach (var id in fresh)
        {
            _ids.Add(id);
        }

        var index = keep is null ? -1 : fresh.IndexOf(keep);
        _list.SelectedItem = fresh.Count == 0 ? null : Math.Max(0, index);
        SelectionChanged?.Invoke();
    }
}
