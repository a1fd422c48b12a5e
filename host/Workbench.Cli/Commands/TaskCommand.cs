using System.CommandLine;
using Workbench.Cli.Composition;
using Workbench.Cli.Output;

namespace Workbench.Cli.Commands;

/// <summary><c>wb task list</c>, <c>wb task run --task ID --nodes K</c>, and the recorded task runs: <c>wb task runs</c>, <c>wb task show ID</c>.</summary>
internal static class TaskCommand
{
    public static Command Create() => new("task", "Parallel tasks whose nodes talk through tubes (Monte Carlo pi, heat equation, ...)")
    {
        List(),
        TaskRunCommand.Create(),
        TaskRunsCommand.Create(),
        TaskShowCommand.Create(),
    };

    private static Command List()
    {
        var json = CommonOptions.Json("Print a JSON array");
        var command = new Command("list", "List the parallel tasks of every loaded plugin") { json };
        command.SetAction(parse =>
        {
            using var host = WorkbenchHost.Open(parse);
            var tasks = host.Catalog.Tasks;
            if (parse.GetValue(json))
            {
                JsonOutput.Write(tasks.Select(t => new
                {
                    id = t.Factory.Id,
                    plugin = t.Origin.PluginId,
                    version = t.Origin.PluginVersion,
                    description = t.Factory.Description,
                    options = t.Factory.Options.Descriptors.Select(d => new { name = d.Name, @default = d.DefaultText, allowed = d.AllowedText, help = d.Help }),
                }));
                return ExitCodes.Ok;
            }

            var table = new TextTable("TASK", "PLUGIN", "OPTIONS", "DESCRIPTION");
            foreach (var t in tasks)
            {
                table.Add(t.Factory.Id, t.Origin.PluginId, string.Join(" ", t.Factory.Options.Descriptors.Select(d => $"{d.Name}={d.DefaultText}")), t.Factory.Description);
            }

            Console.Out.Write(tasks.Count == 0 ? "No parallel tasks are loaded.\n" : table.ToString());
            return ExitCodes.Ok;
        });
        return command;
    }
}
