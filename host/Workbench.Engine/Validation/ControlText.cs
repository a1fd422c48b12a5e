using System.Globalization;
using System.Text;

namespace Workbench.Engine.Validation;

/// <summary>User text (run names, tags, ids typed on a command line) is stored as given but shown with control
/// characters escaped: a name holding a newline or an ANSI escape must not rewrite the user's terminal.</summary>
public static class ControlText
{
    public static string Escape(string text)
    {
        if (!text.Any(char.IsControl))
        {
            return text;
        }

        var shown = new StringBuilder(text.Length + 8);
        foreach (var c in text)
        {
            shown.Append(c switch
            {
                '\n' => "\\n",
                '\r' => "\\r",
                '\t' => "\\t",
                '\u001b' => "\\e",
                _ when char.IsControl(c) => "\\u" + ((int)c).ToString("x4", CultureInfo.InvariantCulture),
                _ => c.ToString(),
            });
        }

        return shown.ToString();
    }
}
