using Terminal.Gui.Input;
using Terminal.Gui.ViewBase;

namespace Workbench.Tui.Screens;

/// <summary>A key, what it does (shown in the status bar) and the action; the same action serves a mouse click.</summary>
public sealed record ScreenKey(Key Key, string Text, Action Action);

/// <summary>One of the screens: its view, its own keys, and a hook for when it is shown.</summary>
internal interface IScreen
{
    string Title { get; }

    View View { get; }

    IReadOnlyList<ScreenKey> Keys { get; }

    void OnShown();
}
