using System.CommandLine;
using Workbench.Cli.Composition;
using Workbench.Cli.Output;
using Workbench.Plugins;

namespace Workbench.Cli.Commands;

/// <summary><c>wb plugins list [--json]</c>.</summary>
internal static class PluginsCommand
{
    public static Command Create()
    {
        var json = CommonOptions.Json("Print a JSON array");
        var list = new Command("list", "List every plugin found, loaded or failed with the reason") { json };
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
                    folder = p.FolderPath,
                    status = p.Status == PluginStatus.Loaded ? "loaded" : "failed",
                    error = p.FailureReason,
                    provides = p.Provides.Select(c => new { kind = c.Kind, id = c.Id }),
                    sha256 = p.Sha256,
                }));
                return ExitCodes.Ok;
            }

            var table = new TextTable("ID", "KIND", "VERSION", "PROVIDES", "STATUS", "FOLDER");
            foreach (var p in plugins)
            {
                table.Add(
                    p.Metadata?.Id ?? p.Folder,
                    p.Kinds.Length == 0 ? "-" : p.Kinds,
                    p.Metadata?.Version ?? "-",
                    p.Provides.Count == 0 ? "-" : string.Join(",", p.Provides.Select(c => c.Id)),
                    p.Status == PluginStatus.Loaded ? "loaded" : $"failed: {p.FailureReason}",
                    p.FolderPath);
            }

            Console.Out.Write(plugins.Count == 0 ? "No plugins found.\n" : table.ToString());
            return ExitCodes.Ok;
        });
        return new Command("plugins", "Inspect the plugin catalog") { list };
    }
}
