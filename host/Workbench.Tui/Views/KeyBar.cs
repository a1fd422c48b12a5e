using Terminal.Gui.Drawing;
using Terminal.Gui.ViewBase;
using Workbench.Tui.Screens;

namespace Workbench.Tui.Views;

/// <summary>One row of keys and what they do ("F5 Start  F6 Stop"), compact enough for 80 columns; a click on an
/// entry runs the same action as its key. The entry named by <see cref="Current"/> is drawn highlighted (the tab
/// row uses that to show which screen is open).</summary>
internal sealed class KeyBar : View
{
    private IReadOnlyList<ScreenKey> _keys = [];
    private List<(int Start, int End, ScreenKey Key)> _spans = [];

    public KeyBar()
    {
        Height = 1;
        MouseEvent += (_, mouse) =>
        {
            if (mouse.IsSingleClicked && mouse.Position is { } p && _spans.FirstOrDefault(s => p.X >= s.Start && p.X < s.End) is { Key: not null } hit)
            {
                hit.Key.Action();
                mouse.Handled = true;
            }
        };
    }

    public string? Current { get; set; }

    public IReadOnlyList<ScreenKey> Keys
    {
        get => _keys;
        set
        {
            _keys = value;
            SetNeedsDraw();
        }
    }

    /// <summary>The row as plain text, as it is drawn.</summary>
    public static string Describe(IEnumerable<ScreenKey> keys) => string.Concat(keys.Select(k => $"{Name(k)} {k.Text}  ")).TrimEnd();

    protected override bool OnDrawingContent(DrawContext? context)
    {
        var normal = GetAttributeForRole(VisualRole.Normal);
        var hot = GetAttributeForRole(VisualRole.HotNormal);
        var focus = GetAttributeForRole(VisualRole.Focus);
        var spans = new List<(int, int, ScreenKey)>();
        var x = 0;
        foreach (var key in _keys)
        {
            var name = Name(key);
            var start = x;
            var current = key.Text == Current;
            SetAttribute(current ? focus : hot);
            AddStr(x, 0, name);
            x += name.Length;
            SetAttribute(current ? focus : normal);
            AddStr(x, 0, " " + key.Text);
            x += key.Text.Length + 1;
            spans.Add((start, x, key));
            SetAttribute(normal);
            AddStr(x, 0, "  ");
            x += 2;
        }

        SetAttribute(normal);
        AddStr(x, 0, new string(' ', Math.Max(0, Viewport.Width - x)));
        _spans = spans;
        return true;
    }

    private static string Name(ScreenKey key) => key.Key.ToString().Replace("Ctrl+", "^", StringComparison.Ordinal);
}
