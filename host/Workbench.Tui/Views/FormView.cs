using Terminal.Gui.ViewBase;
using Terminal.Gui.Views;
using Workbench.Tui.Forms;

namespace Workbench.Tui.Views;

/// <summary>Draws form fields as "name [value]" rows; a field whose text is invalid is marked with '!' at once,
/// and the focused field's hint and error go to <see cref="FieldFocused"/> for the help line. A field with
/// choices is a <see cref="ChoiceField"/> (Left/Right, letters), any other a text box.</summary>
internal sealed class FormView : View
{
    private const int LabelWidth = 12;
    private readonly List<(FormField Field, Label Label, View Editor)> _rows = [];

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
        foreach (var (field, label, editor) in _rows)
        {
            switch (editor)
            {
                case ChoiceField choice:
                    choice.Value = field.Text;
                    break;
                case TextField box when box.Text != field.Text:
                    box.Text = field.Text;
                    break;
            }

            label.Text = Caption(field);
        }
    }

    private void AddRow(FormField field, int y)
    {
        var label = new Label { Text = Caption(field), X = 0, Y = y, Width = LabelWidth };

        // Both editors write back exactly what they show, so checks, "changed" and the run request see no
        // difference between a chosen and a typed value.
        void Edited(string text)
        {
            field.Text = text;
            label.Text = Caption(field);
            FieldFocused?.Invoke(field);
        }

        View editor;
        if (field.Choices.Count > 0)
        {
            var choice = new ChoiceField(field.Choices) { Value = field.Text };
            choice.ValueChanged += (_, _) => Edited(choice.Value);
            editor = choice;
        }
        else
        {
            var box = new TextField { Text = field.Text };
            box.TextChanged += (_, _) => Edited(box.Text);
            editor = box;
        }

        editor.X = LabelWidth;
        editor.Y = y;
        editor.Width = Dim.Fill();
        editor.HasFocusChanged += (_, e) =>
        {
            if (e.NewValue)
            {
                ScrollIntoView(y);
                FieldFocused?.Invoke(field);
            }
        };
        Add(label, editor);
        _rows.Add((field, label, editor));
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
