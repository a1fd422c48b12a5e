using Terminal.Gui.Input;
using Terminal.Gui.ViewBase;
using Terminal.Gui.Views;
using Workbench.Tui.Screens;

namespace Workbench.Tui;

/// <summary>The window: one screen at a time, a message line, and a status bar that lists every key of the screen
/// shown. Keys are handled at the application level so they work whichever field has focus.</summary>
internal sealed class MainWindow : Window
{
    private readonly List<IScreen> _screens = [];
    private readonly View _content = new() { X = 0, Y = 0, Width = Dim.Fill(), Height = Dim.Fill(2) };
    private readonly Label _message = new() { X = 0, Y = Pos.AnchorEnd(2), Width = Dim.Fill(), Height = 1 };
    private readonly StatusBar _status = new();
    private IScreen? _current;

    public MainWindow()
    {
        Title = "Workbench";
        BorderStyle = Terminal.Gui.Drawing.LineStyle.None;
        Add(_content, _message, _status);
    }

    public IReadOnlyList<ScreenKey> GlobalKeys { get; set; } = [];

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
        _status.RemoveAll();
        foreach (var key in screen.Keys.Concat(GlobalKeys))
        {
            _status.Add(new Shortcut(key.Key, key.Text, key.Action, ""));
        }

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
