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
            var listing = store.ListMapsChecked(parse.GetValue(job), parse.GetValue(limit));
            var maps = listing.Items;
            if (parse.GetValue(json))
            {
                JsonOutput.Write(maps.Cast<object>().Concat(listing.Damaged.Select(d => new { id = d.Id, status = "damaged", error = d.Problem })));
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

            // A damaged map run is listed by id only: its other fields cannot be trusted, so none is shown.
            foreach (var damaged in listing.Damaged)
            {
                table.Add(RecordText.ShortId(damaged.Id), "-", "-", "-", "damaged", "-", "-", "-");
            }

            Console.Out.Write(maps.Count == 0 && listing.Damaged.Count == 0 ? "No maps recorded.\n" : table.ToString());
            if (listing.Damaged.Count > 0)
            {
                Console.Out.WriteLine($"{listing.Damaged.Count} damaged map run(s) not shown in full: wb db check names the damage, wb db repair salvages the rest");
            }

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
