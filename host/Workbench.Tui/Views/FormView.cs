using Terminal.Gui.ViewBase;
using Terminal.Gui.Views;
using Workbench.Tui.Forms;

namespace Workbench.Tui.Views;

/// <summary>Draws form fields as "name [value]" rows; a field whose text is invalid is marked with '!' at once,
/// and the focused field's hint and error go to <see cref="FieldFocused"/> for the help line.</summary>
internal sealed class FormView : View
{
    private const int LabelWidth = 12;
    private readonly List<(FormField Field, Label Label, TextField Box)> _rows = [];

    public FormView()
    {
        CanFocus = true;
        ViewportSettings |= ViewportSettingsFlags.HasVerticalScrollBar;
    }

    /// <summary>Raised with the field that got focus or changed.</summary>
    public event Action<FormField>? FieldFocused;

    public void SetSections(IEnumerable<(string Title, IReadOnlyList<FormField> Fields)> sections)
    {
        foreach (var view in SubViews.ToArray())
        {
            Remove(view);
            view.Dispose();
        }

        _rows.Clear();
        var y = 0;
        foreach (var (title, fields) in sections)
        {
            if (fields.Count == 0)
            {
                continue;
            }

            if (title.Length > 0)
            {
                Add(new Label { Text = $"-- {title} --", X = 0, Y = y++ });
            }

            foreach (var field in fields)
            {
                AddRow(field, y++);
            }
        }

        SetContentHeight(y);
        SetNeedsLayout();
    }

    public void Refresh()
    {
        foreach (var (field, label, box) in _rows)
        {
            if (box.Text != field.Text)
            {
                box.Text = field.Text;
            }

            label.Text = Caption(field);
        }
    }

    private void AddRow(FormField field, int y)
    {
        var label = new Label { Text = Caption(field), X = 0, Y = y, Width = LabelWidth };
        var box = new TextField { Text = field.Text, X = LabelWidth, Y = y, Width = Dim.Fill() };
        box.TextChanged += (_, _) =>
        {
            field.Text = box.Text;
            label.Text = Caption(field);
            FieldFocused?.Invoke(field);
        };
        box.HasFocusChanged += (_, e) =>
        {
            if (e.NewValue)
            {
                ScrollIntoView(y);
                FieldFocused?.Invoke(field);
            }
        };
        Add(label, box);
        _rows.Add((field, label, box));
    }

    /// <summary>Keeps the focused row visible when Tab moves past the bottom or top of a long form.</summary>
    private void ScrollIntoView(int y)
    {
        var top = Viewport.Y;
        if (y < top)
        {
            top = y;
        }
        else if (y >= top + Viewport.Height)
        {
            top = y - Viewport.Height + 1;
        }

        if (top != Viewport.Y)
        {
            Viewport = Viewport with { Y = Math.Max(0, top) };
        }
    }

    private static string Caption(FormField field)
    {
        var name = field.Name.Length > LabelWidth - 2 ? field.Name[..(LabelWidth - 2)] : field.Name;
        return (field.Error is null ? " " : "!") + name;
    }
}
