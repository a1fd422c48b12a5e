using System.Text;
using Terminal.Gui.Drawing;
using Terminal.Gui.Input;
using Terminal.Gui.ViewBase;
using Attribute = Terminal.Gui.Drawing.Attribute;

namespace Workbench.Tui.Views;

/// <summary>Edits a value that is one of a fixed set: Left/Right (and Space) step through the choices, wrapping,
/// and typed letters jump to the choice they begin. Drawn as "[auto] cpu  gpu " when every choice fits, else as
/// "◂ auto ▸". Tab, Enter and function keys are left alone, so moving between fields and screen keys still work.</summary>
internal sealed class ChoiceField : View
{
    /// <summary>Letters typed closer together than this extend one prefix ("bi" picks bipop); after a pause a
    /// letter starts afresh, so "s" then, later, "b" picks the b-choice rather than looking for "sb".</summary>
    private static readonly TimeSpan TypingPause = TimeSpan.FromSeconds(1);

    private readonly IReadOnlyList<string> _choices;
    private readonly TimeProvider _clock;
    private string _value = "";
    private string _typed = "";
    private long _typedAt;
    private List<(int Start, int End, Action Pick)> _spans = [];

    public ChoiceField(IReadOnlyList<string> choices, TimeProvider? clock = null)
    {
        _choices = choices.Count > 0 ? choices : throw new ArgumentException("a choice field needs choices", nameof(choices));
        _clock = clock ?? TimeProvider.System;
        CanFocus = true;
        Height = 1;
        MouseEvent += (_, mouse) =>
        {
            if (mouse.IsSingleClicked && mouse.Position is { } p && _spans.FirstOrDefault(s => p.X >= s.Start && p.X < s.End) is { Pick: not null } hit)
            {
                hit.Pick();
                mouse.Handled = true;
            }
        };
    }

    /// <summary>Raised whenever <see cref="Value"/> changes, by a key, a click or the setter.</summary>
    public event EventHandler? ValueChanged;

    /// <summary>The text of the field. Set from outside it may be anything (a default outside the list, say);
    /// the keys always leave it at one of the choices, spelled exactly as listed.</summary>
    public string Value
    {
        get => _value;
        set
        {
            if (string.Equals(value, _value, StringComparison.Ordinal))
            {
                return;
            }

            _value = value;
            SetNeedsDraw();
            ValueChanged?.Invoke(this, EventArgs.Empty);
        }
    }

    /// <summary>The position of <see cref="Value"/> among the choices (case and blanks ignored, as the parsers
    /// do), or -1.</summary>
    private int Index
    {
        get
        {
            for (var i = 0; i < _choices.Count; i++)
            {
                if (_choices[i].Equals(_value.Trim(), StringComparison.OrdinalIgnoreCase))
                {
                    return i;
                }
            }

            return -1;
        }
    }

    protected override bool OnKeyDown(Key key)
    {
        if (key == Key.CursorLeft)
        {
            Step(-1);
            return true;
        }

        if (key == Key.CursorRight || key == Key.Space)
        {
            Step(1);
            return true;
        }

        if (!key.IsCtrl && !key.IsAlt && Rune.IsLetterOrDigit(key.AsRune))
        {
            Type(key.AsRune.ToString());
            return true;
        }

        return false;
    }

    protected override void OnHasFocusChanged(bool newHasFocus, View? previousFocusedView, View? focusedView)
    {
        _typed = "";
        SetNeedsDraw();
    }

    protected override bool OnDrawingContent(DrawContext? context)
    {
        var width = Math.Max(0, Viewport.Width);
        var index = Index;
        var plain = GetAttributeForRole(VisualRole.Normal);
        var dim = GetAttributeForRole(VisualRole.Disabled);
        var chosen = GetAttributeForRole(HasFocus ? VisualRole.Focus : VisualRole.Normal);
        var spans = new List<(int, int, Action)>();
        var x = 0;

        void Put(string text, Attribute attribute, Action pick)
        {
            SetAttribute(attribute);
            AddStr(x, 0, text);
            spans.Add((x, x + text.Length, pick));
            x += text.Length;
        }

        if (index >= 0 && _choices.Sum(c => c.Length + 2) <= width)
        {
            // Every choice in a fixed place, the current one bracketed, so the options are visible at a glance.
            for (var i = 0; i < _choices.Count; i++)
            {
                var choice = _choices[i];
                Put(i == index ? $"[{choice}]" : $" {choice} ", i == index ? chosen : dim, () => Value = choice);
            }
        }
        else
        {
            // Narrow (the settings panel at 80 columns): the arrows say Left/Right change it; a value too long
            // even for that is cut rather than wrapped.
            var (left, right) = _value.Length + 4 <= width ? ("◂ ", " ▸") : _value.Length + 2 <= width ? ("◂", "▸") : ("", "");
            Put(left, dim, () => Step(-1));
            Put(_value.Length <= width ? _value : _value[..width], chosen, () => Step(1));
            Put(right, dim, () => Step(1));
        }

        SetAttribute(plain);
        AddStr(x, 0, new string(' ', Math.Max(0, width - x)));
        _spans = spans;
        return true;
    }

    private void Step(int by)
    {
        _typed = "";
        var index = Index;
        var next = index < 0 ? (by > 0 ? 0 : _choices.Count - 1) : (index + by + _choices.Count) % _choices.Count;
        Value = _choices[next];
    }

    private void Type(string letter)
    {
        var now = _clock.GetTimestamp();
        var continuing = _typed.Length > 0 && _clock.GetElapsedTime(_typedAt, now) < TypingPause;
        _typedAt = now;
        if (continuing && Find(_typed + letter, Index) is { } longer)
        {
            _typed += letter;
            Value = longer;
            return;
        }

        // A fresh prefix is looked for after the current choice, so pressing the same letter again moves on to
        // the next choice that begins with it.
        _typed = letter;
        if (Find(letter, Index + 1) is { } hit)
        {
            Value = hit;
        }
    }

    private string? Find(string prefix, int from)
    {
        for (var k = 0; k < _choices.Count; k++)
        {
            var choice = _choices[(Math.Max(from, 0) + k) % _choices.Count];
            if (choice.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
            {
                return choice;
            }
        }

        return null;
    }
}
