using System.CommandLine;
using Workbench.Cli.Composition;
using Workbench.Cli.Output;
using Workbench.Plugins;

namespace Workbench.Cli.Commands;

/// <summary><c>wb plugins list|watch|install|remove</c>.</summary>
internal static class PluginsCommand
{
    public static Command Create() => new("plugins", "Inspect the plugin catalog, install and remove plugins")
    {
        List(),
        PluginsWatchCommand.Create(),
        PluginsInstallCommand.Install(),
        PluginsInstallCommand.Remove(),
    };

    /// <summary>One line per plugin, for watch and install: id, version, ids provided, status, folder.</summary>
    public static string Describe(string verb, PluginEntry p) =>
        $"{verb} {p.Metadata?.Id ?? p.Folder} {p.Metadata?.Version ?? "-"} [{string.Join(",", p.Provides.Select(c => c.Id))}] " +
        (p.Status == PluginStatus.Loaded ? "loaded" : $"failed: {p.FailureReason}") + $" ({p.FolderPath})";

    private static Command List()
    {
        var json = CommonOptions.Json("Print a JSON array");
        var strict = new Option<bool>("--strict") { Description = "Exit with code 1 when any plugin failed to load (for CI)" };
        var list = new Command("list", "List every plugin found, loaded or failed with the reason") { json, strict };
        list.SetAction(parse =>
        {
            using var host = WorkbenchHost.Open(parse);
            var plugins = host.Catalog.Plugins;
            if (parse.GetValue(json))
            {
                JsonOutput.Write(plugins.Select(p => new
                {
                    name = p.Folder,
                    id = p.Metadata?.Id,
                    kind = p.Kinds,
                    version = p.Metadata?.Version,
                    description = p.Metadata?.Description,
                    authors = p.Metadata?.Authors,
                    folder = p.FolderPath,
                    status = p.Status == PluginStatus.Loaded ? "loaded" : "failed",
                    error = p.FailureReason,
                    provides = p.Provides.Select(c => new { kind = c.Kind, id = c.Id }),
                    sha256 = p.Sha256,
                }));
            }
            else
            {
                Console.Out.Write(plugins.Count == 0 ? $"No plugins found in {string.Join(", ", host.Catalog.Directories)}.\n" : Table(plugins));
            }

            var failed = plugins.Count(p => p.Status == PluginStatus.Failed);
            if (parse.GetValue(strict) && failed > 0)
            {
                Console.Error.WriteLine($"wb: {failed} plugin{(failed == 1 ? "" : "s")} failed to load (--strict)");
                return ExitCodes.Failed;
            }

            return ExitCodes.Ok;
        });
        return list;
    }

    private static string Table(IReadOnlyList<PluginEntry> plugins)
    {
        var table = new TextTable("ID", "KIND", "VERSION", "PROVIDES", "STATUS", "FOLDER", "DESCRIPTION", "AUTHORS");
        foreach (var p in plugins)
        {
            table.Add(
                p.Metadata?.Id ?? p.Folder,
                p.Kinds.Length == 0 ? "-" : p.Kinds,
                p.Metadata?.Version ?? "-",
                p.Provides.Count == 0 ? "-" : string.Join(",", p.Provides.Select(c => c.Id)),
                p.Status == PluginStatus.Loaded ? "loaded" : $"failed: {p.FailureReason}",
                p.FolderPath,
                Dash(p.Metadata?.Description),
                Dash(p.Metadata?.Authors));
        }

        return table.ToString();
    }

    private static string Dash(string? text) => string.IsNullOrWhiteSpace(text) ? "-" : text;
}
