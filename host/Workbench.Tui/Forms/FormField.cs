namespace Workbench.Tui.Forms;

/// <summary>One editable row of a form: a label, the text the user typed, a hint of what is allowed, and a check
/// that returns a one-line error or null. The check is run on every edit so mistakes show before Run.</summary>
public sealed class FormField
{
    private readonly Func<string, string?> _check;

    public FormField(string name, string text, string hint, string help, Func<string, string?> check)
    {
        Name = name;
        Text = text;
        DefaultText = text;
        Hint = hint;
        Help = help;
        _check = check;
    }

    public string Name { get; }

    public string Text { get; set; }

    public string DefaultText { get; }

    /// <summary>Allowed values (range, choices), shown beside the field.</summary>
    public string Hint { get; }

    public string Help { get; }

    /// <summary>Choices for a field that takes one of a fixed set, else empty.</summary>
    public IReadOnlyList<string> Choices { get; init; } = [];

    public bool IsChanged => !string.Equals(Text.Trim(), DefaultText.Trim(), StringComparison.Ordinal);

    /// <summary>The error for the current text, or null when it is valid.</summary>
    public string? Error => _check(Text);
}
