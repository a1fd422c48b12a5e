using Terminal.Gui.Input;
using Terminal.Gui.ViewBase;
using Terminal.Gui.Views;
using Workbench.Tui.Screens;
using Workbench.Tui.Views;

namespace Workbench.Tui;

/// <summary>The window: a tab row of screens at the top, one screen at a time, a message line, and a key row that
/// lists every key of the screen shown. Keys are handled at the application level so they work whichever field
/// has focus; every key row entry is also clickable.</summary>
internal sealed class MainWindow : Window
{
    private readonly List<IScreen> _screens = [];
    private readonly KeyBar _tabs = new() { X = 0, Y = 0, Width = Dim.Fill() };
    private readonly View _content = new() { X = 0, Y = 1, Width = Dim.Fill(), Height = Dim.Fill(2), CanFocus = true };
    private readonly Label _message = new() { X = 0, Y = Pos.AnchorEnd(2), Width = Dim.Fill(), Height = 1 };
    private readonly KeyBar _keys = new() { X = 0, Y = Pos.AnchorEnd(1), Width = Dim.Fill() };
    private IReadOnlyList<ScreenKey> _globalKeys = [];
    private IScreen? _current;

    public MainWindow()
    {
        Title = "Workbench";
        BorderStyle = Terminal.Gui.Drawing.LineStyle.None;
        Add(_tabs, _content, _message, _keys);
    }

    /// <summary>Keys that work on every screen (switching screens, quitting); shown in the tab row.</summary>
    public IReadOnlyList<ScreenKey> GlobalKeys
    {
        get => _globalKeys;
        set
        {
            _globalKeys = value;
            _tabs.Keys = value;
        }
    }

    public IScreen? Current => _current;

    public void AddScreen(IScreen screen)
    {
        _screens.Add(screen);
        screen.View.Visible = false;
        _content.Add(screen.View);
    }

    public void Show(IScreen screen)
    {
        foreach (var s in _screens)
        {
            s.View.Visible = s == screen;
        }

        _current = screen;
        Title = $"Workbench - {screen.Title}";
        _tabs.Current = screen.Title;
        _tabs.SetNeedsDraw();
        _keys.Keys = screen.Keys;
        screen.View.SetFocus();
        screen.OnShown();
        SetNeedsLayout();
        SetNeedsDraw();
    }

    public void Say(string text) => _message.Text = text.ReplaceLineEndings(" ");

    /// <summary>Runs the action bound to <paramref name="key"/> on the current screen or globally.</summary>
    public bool Dispatch(Key key)
    {
        var match = (_current?.Keys ?? []).Concat(GlobalKeys).FirstOrDefault(k => k.Key == key);
        if (match is null)
        {
            return false;
        }

        match.Action();
        return true;
    }
}
