using System.CommandLine;
using System.Globalization;
using Workbench.Cli.Composition;
using Workbench.Cli.Output;
using Workbench.Contracts.Jobs;
using Workbench.Storage;

namespace Workbench.Cli.Commands;

/// <summary><c>wb map runs</c> (the recorded maps) and <c>wb map jobs</c> (the jobs of every loaded plugin).</summary>
internal static class MapRunsCommand
{
    public static Command Create()
    {
        var job = new Option<string?>("--job", "-j") { Description = "Only maps of this job" };
        var limit = new Option<int?>("--limit") { Description = "At most this many maps, newest first" };
        var json = CommonOptions.Json("Print a JSON array");
        var command = new Command("runs", "List the recorded maps, newest first") { job, limit, json, StoreOptions.RunDatabase };
        command.SetAction(parse =>
        {
            using var store = RunStore.OpenReadOnly(StoreOptions.Path(parse, StoreOptions.RunDatabase));
            var maps = store.ListMaps(parse.GetValue(job), parse.GetValue(limit));
            if (parse.GetValue(json))
            {
                JsonOutput.Write(maps);
                return ExitCodes.Ok;
            }

            var c = CultureInfo.InvariantCulture;
            var table = new TextTable("ID", "STARTED", "JOB", "COUNT", "STATUS", "WALL", "FAILED", "SLOTS");
            foreach (var m in maps)
            {
                table.Add(m.Id[..12], m.StartedAt.ToLocalTime().ToString("yyyy-MM-dd HH:mm:ss", c), m.JobId, m.Count.ToString(c),
                    m.Status.ToString().ToLowerInvariant(), string.Create(c, $"{m.WallSeconds:F2}s"), m.FailedIndices.Count.ToString(c),
                    string.Join(" ", m.Slots.Select(s => $"{s.Name}={s.Jobs}")));
            }

            Console.Out.Write(maps.Count == 0 ? "No maps recorded.\n" : table.ToString());
            return ExitCodes.Ok;
        });
        return command;
    }

    public static Command Jobs()
    {
        var command = new Command("jobs", "List the jobs of every loaded plugin");
        command.SetAction(parse =>
        {
            using var host = WorkbenchHost.Open(parse);
            var table = new TextTable("JOB", "PLUGIN", "OPTIONS", "DESCRIPTION");
            var jobs = host.Catalog.Components<IJobFactory>();
            foreach (var j in jobs)
            {
                table.Add(j.Factory.Id, j.Origin.PluginId, string.Join(" ", j.Factory.Options.Descriptors.Select(d => $"{d.Name}={d.DefaultText}")), j.Factory.Description);
            }

            Console.Out.Write(jobs.Count == 0 ? "No jobs are loaded.\n" : table.ToString());
            return ExitCodes.Ok;
        });
        return command;
    }
}
