using System.Globalization;
using System.Text;

namespace Workbench.Contracts.Options;

/// <summary>Invariant text forms of option values and names.</summary>
public static class OptionText
{
    public static string Format(object? value) => value switch
    {
        null => "auto",
        bool b => b ? "true" : "false",
        double d => d.ToString("R", CultureInfo.InvariantCulture),
        long l => l.ToString(CultureInfo.InvariantCulture),
        double[] v => string.Join(",", v.Select(x => x.ToString("R", CultureInfo.InvariantCulture))),
        _ => value.ToString() ?? "",
    };

    /// <summary>PascalCase to kebab-case: <c>FullyConnected</c> becomes <c>fully-connected</c>.</summary>
    public static string Kebab(string name)
    {
        var sb = new StringBuilder(name.Length + 4);
        for (var i = 0; i < name.Length; i++)
        {
            var c = name[i];
            if (char.IsUpper(c))
            {
                if (i > 0 && (char.IsLower(name[i - 1]) || char.IsDigit(name[i - 1])))
                {
                    sb.Append('-');
                }

                sb.Append(char.ToLowerInvariant(c));
            }
            else
            {
                sb.Append(c);
            }
        }

        return sb.ToString();
    }
}
