using System.CommandLine;
using System.CommandLine.Parsing;
using Workbench.Engine;
using Workbench.Engine.Validation;

namespace Workbench.Cli.Commands;

/// <summary>Attaches the Engine's <see cref="InputRules"/> and <see cref="UserPaths"/> to options, so a bad number or
/// path is a parse error: one line, exit 2, before any plugin is loaded or any store opened.</summary>
internal static class CheckedOptions
{
    /// <summary>A number of seconds, parsed in the invariant culture and checked by <see cref="InputRules.Seconds"/>.</summary>
    public static Option<double?> Seconds(string name, string description) => new(name)
    {
        Description = description,
        CustomParser = result => Parse(result, name, v => InputRules.Seconds(name, v)),
    };

    /// <summary>A finite real number.</summary>
    public static Option<double?> Finite(string name, string description) => new(name)
    {
        Description = description,
        CustomParser = result => Parse(result, name, v => InputRules.Finite(name, v)),
    };

    /// <summary>A memory size ("8GB", "512MB", bytes), checked by <see cref="InputRules.Bytes"/>.</summary>
    public static Option<long?> Bytes(string name, string description) => new(name)
    {
        Description = description,
        CustomParser = result =>
        {
            if (InputRules.Bytes(name, result.Tokens.Single().Value, out var bytes) is string error)
            {
                result.AddError(error);
                return null;
            }

            return bytes;
        },
    };

    public static readonly Option<long?> MaxMemory = Bytes("--max-memory",
        "Refuse work whose estimated memory is over this size (e.g. 8GB); default: this machine's memory");

    public static Option<T> AtLeast<T>(this Option<T> option, long min)
    {
        option.Validators.Add(result =>
        {
            // A token that is not a whole number is the parser's own error; only the range is checked here.
            if (result.Tokens.Count == 1 && long.TryParse(result.Tokens[0].Value, System.Globalization.CultureInfo.InvariantCulture, out var value)
                && InputRules.AtLeast(option.Name, value, min) is string error)
            {
                result.AddError(error);
            }
        });
        return option;
    }

    /// <summary>A file the command will write: checked to be writable before the work starts.</summary>
    public static Option<string?> OutputFile(this Option<string?> option) => Path(option, p => UserPaths.OutputFile(p, option.Name));

    /// <summary>A file the command will read: checked to exist.</summary>
    public static Option<string?> InputFile(this Option<string?> option) => Path(option, p => UserPaths.ExistingFile(p, option.Name));

    private static Option<string?> Path(Option<string?> option, Func<string, string> check)
    {
        option.Validators.Add(result =>
        {
            // Only a path the user typed: an option left out has no token and needs no check.
            if (result.Tokens.Count == 0)
            {
                return;
            }

            try
            {
                check(result.Tokens[0].Value);
            }
            catch (RunSetupException ex)
            {
                result.AddError(ex.Message);
            }
        });
        return option;
    }

    private static double? Parse(ArgumentResult result, string name, Func<double, string?> rule)
    {
        var text = result.Tokens.Single().Value;
        if (!InputRules.TryParse(text, out var value))
        {
            result.AddError($"{name} '{text}' is not a number");
            return null;
        }

        if (rule(value) is string error)
        {
            result.AddError(error);
            return null;
        }

        return value;
    }
}
