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
        return new Command("plugins", "Inspect the plugin catalog") { list, Watch() };
    }

    /// <summary><c>wb plugins watch</c>: a long-running catalog that prints each change as it is picked up.</summary>
    private static Command Watch()
    {
        var command = new Command("watch", "Keep the catalog open and print plugins as they are added, replaced or removed (Ctrl-C to stop)");
        command.SetAction(async (parse, cancellationToken) =>
        {
            using var host = WorkbenchHost.Open(parse, watch: true);
            foreach (var p in host.Catalog.Plugins)
            {
                Console.Out.WriteLine(Describe("found", p));
            }

            Console.Out.WriteLine($"watching {string.Join(", ", host.Catalog.Directories)}{(host.Catalog.WatchError is { } e ? $" (watch failed: {e})" : "")}");
            while (!cancellationToken.IsCancellationRequested)
            {
                CatalogChangedEventArgs change;
                try
                {
                    change = await host.Catalog.WaitForChangeAsync(cancellationToken);
                }
                catch (OperationCanceledException)
                {
                    break;
                }

                var byPath = host.Catalog.Plugins.ToDictionary(p => p.FolderPath, StringComparer.Ordinal);
                foreach (var path in change.Added.Concat(change.Updated))
                {
                    var verb = change.Added.Contains(path) ? "added" : "updated";
                    Console.Out.WriteLine(byPath.TryGetValue(path, out var entry) ? Describe(verb, entry) : $"{verb} {path}");
                }

                foreach (var path in change.Removed)
                {
                    Console.Out.WriteLine($"removed {path}");
                }
            }

            return ExitCodes.Ok;
        });
        return command;
    }

    private static string Describe(string verb, PluginEntry p) =>
        $"{verb} {p.Metadata?.Id ?? p.Folder} {p.Metadata?.Version ?? "-"} [{string.Join(",", p.Provides.Select(c => c.Id))}] " +
        (p.Status == PluginStatus.Loaded ? "loaded" : $"failed: {p.FailureReason}") + $" ({p.FolderPath})";
}
