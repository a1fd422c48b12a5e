using System.CommandLine;
using Workbench.Cli.Composition;
using Workbench.Plugins;

namespace Workbench.Cli.Commands;

/// <summary><c>wb plugins watch</c>: a long-running catalog that prints each change as it is picked up.</summary>
internal static class PluginsWatchCommand
{
    public static Command Create()
    {
        var command = new Command("watch", "Keep the catalog open and print plugins as they are added, replaced, removed, refused or recovered (Ctrl-C to stop)");
        command.SetAction(async (parse, cancellationToken) =>
        {
            using var host = WorkbenchHost.Open(parse, watch: true);
            foreach (var p in host.Catalog.Plugins)
            {
                Console.Out.WriteLine(PluginsCommand.Describe("found", p));
            }

            var missing = host.Catalog.Directories.Where(d => !Directory.Exists(d)).ToArray();
            Console.Out.WriteLine($"watching {string.Join(", ", host.Catalog.Directories)}" +
                (missing.Length > 0 ? $" ({string.Join(", ", missing)} not there yet: watched once created)" : "") +
                (host.Catalog.WatchError is { } e ? $" (watch failed: {e})" : ""));
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

                Report(change, host.Catalog.Plugins);
            }

            return ExitCodes.Ok;
        });
        return command;
    }

    private static void Report(CatalogChangedEventArgs change, IReadOnlyList<PluginEntry> plugins)
    {
        var byPath = plugins.ToDictionary(p => p.FolderPath, StringComparer.Ordinal);
        foreach (var path in change.Added.Concat(change.Updated))
        {
            var verb = change.Added.Contains(path) ? "added" : "updated";
            Console.Out.WriteLine(byPath.TryGetValue(path, out var entry) ? PluginsCommand.Describe(verb, entry) : $"{verb} {path}");
        }

        foreach (var path in change.Removed)
        {
            Console.Out.WriteLine($"removed {path}");
        }

        // A folder whose files did not change but whose status did: a refused duplicate that now owns its ids
        // because the owner went (recovered), or an owner displaced (only a built-in appearing can do that).
        foreach (var path in change.StatusChanged)
        {
            if (byPath.TryGetValue(path, out var entry))
            {
                Console.Out.WriteLine(PluginsCommand.Describe(entry.Status == PluginStatus.Loaded ? "recovered" : "displaced", entry));
            }
        }
    }
}
