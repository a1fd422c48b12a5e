using Workbench.Contracts.Options;

namespace Workbench.Tui.Forms;

/// <summary>The form for one plugin's options, generated from its <see cref="OptionSchema"/>: one field per
/// descriptor, default filled in, range or choices as the hint.</summary>
/// <remarks>Each field is checked with <see cref="OptionSchema.Parse"/>, the very parser the run planner and the
/// CLI use, so the form can never accept a value a run would refuse (cross-field checks aside, which surface as
/// a setup error when Run is pressed).</remarks>
public sealed class OptionForm
{
    private readonly OptionSchema _schema;

    public OptionForm(string owner, OptionSchema schema)
    {
        Owner = owner;
        _schema = schema;
        Fields = schema.Descriptors.Select(d => new FormField(d.Name, d.DefaultText, d.AllowedText, d.Help, text => Check(d, text))
        {
            Choices = d.Kind == OptionKind.Choice ? d.Choices : d.Kind == OptionKind.Boolean ? ["true", "false"] : [],
        }).ToArray();
    }

    /// <summary>Whose options these are, for example <c>algorithm pso</c>.</summary>
    public string Owner { get; }

    public IReadOnlyList<FormField> Fields { get; }

    public IEnumerable<string> Errors => Fields.Select(f => f.Error).OfType<string>();

    /// <summary>The options the user changed, as the <c>name=value</c> text a <c>RunRequest</c> takes.
    /// Unchanged fields are left out so the plugin's own defaults apply, exactly as on the command line.</summary>
    public Dictionary<string, string> ChangedValues() =>
        Fields.Where(f => f.IsChanged).ToDictionary(f => f.Name, f => f.Text.Trim(), StringComparer.Ordinal);

    private string? Check(OptionDescriptor d, string text)
    {
        // The default is what the plugin uses when the option is not given, so it is valid even when its text
        // ("auto" for an unset vector, say) would not parse: unchanged fields are never sent.
        if (string.Equals(text.Trim(), d.DefaultText, StringComparison.Ordinal))
        {
            return null;
        }

        var name = d.Name;
        try
        {
            _schema.Parse(new Dictionary<string, string> { [name] = text.Trim() }, Owner);
            return null;
        }
        catch (OptionException ex)
        {
            return ex.Message;
        }
    }
}
