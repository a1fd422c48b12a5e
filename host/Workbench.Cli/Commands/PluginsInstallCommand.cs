using System.CommandLine;
using Workbench.Cli.Composition;
using Workbench.Plugins;

namespace Workbench.Cli.Commands;

/// <summary><c>wb plugins install PATH|FILE.nupkg</c> and <c>wb plugins remove ID</c>, on the user's plugin folder.</summary>
internal static class PluginsInstallCommand
{
    public static Command Install()
    {
        var source = new Argument<string>("source") { Description = "A built plugin: its folder, its built project or solution folder, or a .nupkg" };
        var command = new Command("install", $"Check that a built plugin loads here and copy it into {PluginCatalogOptions.UserPlugins}") { source };
        command.SetAction(parse =>
        {
            using var host = WorkbenchHost.Open(parse);
            var report = Run(() => PluginInstaller.Install(parse.GetValue(source)!, PluginCatalogOptions.UserPlugins, host.Catalog));
            var p = report.Plugin;
            var provides = string.Join(", ", p.Provides.Select(c => $"{c.Kind} {c.Id}"));
            Console.Out.WriteLine($"checked {Path.GetFileName(p.AssemblyPath)} from {report.Source}: plugin {p.Metadata!.Id} {p.Metadata.Version}, " +
                $"contract {p.Metadata.ContractVersion}, provides {provides}; it loads, its dependencies resolve, its ids are free");
            Console.Out.WriteLine((report.Replaced is { } old ? $"replaced version {old} in" : "installed into") + $" {report.Target} ({report.Files} files)");
            return ExitCodes.Ok;
        });
        return command;
    }

    public static Command Remove()
    {
        var id = new Argument<string>("id") { Description = "The plugin id (see wb plugins list)" };
        var command = new Command("remove", $"Delete an installed plugin's folder from {PluginCatalogOptions.UserPlugins}") { id };
        command.SetAction(parse =>
        {
            using var host = WorkbenchHost.Open(parse);
            var removed = Run(() => PluginInstaller.Remove(parse.GetValue(id)!, PluginCatalogOptions.UserPlugins, host.Catalog));
            Console.Out.WriteLine($"removed plugin {removed.Metadata?.Id} {removed.Metadata?.Version} " +
                $"({string.Join(", ", removed.Provides.Select(c => $"{c.Kind} {c.Id}"))}): deleted {removed.FolderPath}");
            return ExitCodes.Ok;
        });
        return command;
    }

    private static T Run<T>(Func<T> action)
    {
        try
        {
            return action();
        }
        catch (PluginInstallException e)
        {
            throw new UsageException(e.Message);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new UsageException(e.Message.ReplaceLineEndings(" "));
        }
    }
}
