using System.CommandLine;

namespace Workbench.Cli.Commands;

/// <summary>Options shared by several commands.</summary>
internal static class CommonOptions
{
    public static readonly Option<string[]> Plugins = new("--plugins")
    {
        Description = "Extra plugin directory to scan (repeatable); the built-in folder, ./plugins and the user's plugin folder are always scanned",
        Recursive = true,
        Arity = ArgumentArity.OneOrMore,
        AllowMultipleArgumentsPerToken = false,
    };

    public static Option<bool> Json(string description) => new("--json") { Description = description };
}
