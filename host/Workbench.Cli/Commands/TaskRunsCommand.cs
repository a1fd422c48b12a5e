using System.CommandLine;
using System.Globalization;
using Workbench.Cli.Output;
using Workbench.Engine.Archive;
using Workbench.Engine.Running;

namespace Workbench.Cli.Commands;

/// <summary><c>wb task runs</c>: recorded task runs, newest first. Optimisation runs are listed by <c>wb runs list</c>.</summary>
internal static class TaskRunsCommand
{
    public static Command Create()
    {
        var db = StoreOptions.Database();
        var task = new Option<string?>("--task", "-t") { Description = "Only runs of this task id" };
        var status = ListOptions.Status();
        var since = ListOptions.Since("task runs");
        var limit = ListOptions.Limit("task runs");
        var json = CommonOptions.Json("Print a JSON array");
        var command = new Command("runs", "List recorded task runs, newest first") { db, task, status, since, limit, json };
        command.SetAction(parse =>
        {
            using var store = RunsCommand.OpenReadOnly(parse, db);
            var listing = store.ListTasksChecked(new TaskRunQuery
            {
                TaskId = parse.GetValue(task),
                Status = parse.GetValue(status),
                Since = parse.GetValue(since),
                Limit = ListOptions.LimitValue(parse, limit),
            });
            var tasks = listing.Items;
            if (parse.GetValue(json))
            {
                JsonOutput.Write(tasks.Select(TaskRunJson.Summary).Concat(listing.Damaged.Select(TaskRunJson.Damaged)));
                return ExitCodes.Ok;
            }

            if (tasks.Count == 0 && listing.Damaged.Count == 0)
            {
                Console.Out.WriteLine($"No task runs found in {store.Path}.");
                return ExitCodes.Ok;
            }

            var c = CultureInfo.InvariantCulture;
            var table = new TextTable("ID", "STARTED", "STATUS", "TASK", "NODES", "SEED", "SECONDS", "RESULT", "SHA256");
            foreach (var t in tasks)
            {
                table.Add(t.Id[..12], RecordText.Local(t.StartedAt), t.Status.ToString().ToLowerInvariant(),
                    t.TaskId, t.NodeCount.ToString(c), t.Seed.ToString(c), t.WallSeconds.ToString("F3", c), TaskShowCommand.ResultText(t),
                    t.Result is { } r ? r.Sha256[..12] : "-");
            }

            // A damaged task run is listed by id only: its other fields cannot be trusted, so none is shown.
            foreach (var damaged in listing.Damaged)
            {
                table.Add(RecordText.ShortId(damaged.Id), "-", "damaged", "-", "-", "-", "-", "-", "-");
            }

            Console.Out.Write(table.ToString());
            if (listing.Damaged.Count > 0)
            {
                Console.Out.WriteLine($"{listing.Damaged.Count} damaged task run(s) not shown in full: wb db check names the damage, wb db repair salvages the rest");
            }

            return ExitCodes.Ok;
        });
        return command;
    }
}
