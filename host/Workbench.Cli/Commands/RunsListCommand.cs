using System.CommandLine;
using System.Globalization;
using Workbench.Cli.Output;
using Workbench.Engine.Archive;
using Workbench.Engine.Running;

namespace Workbench.Cli.Commands;

/// <summary><c>wb runs list</c>: newest first, filtered through the store's indexes; never loads history.</summary>
internal static class RunsListCommand
{
    public static Command Create()
    {
        var db = StoreOptions.Database();
        var algorithm = new Option<string?>("--algorithm", "-a") { Description = "Only runs of this optimiser id" };
        var problem = new Option<string?>("--problem", "-p") { Description = "Only runs on this problem id" };
        var status = ListOptions.Status();
        var tag = new Option<string?>("--tag") { Description = "Only runs with this tag" };
        var since = ListOptions.Since("runs");
        var limit = ListOptions.Limit("runs");
        var json = CommonOptions.Json("Print a JSON array");
        var command = new Command("list", "List stored runs, newest first") { db, algorithm, problem, status, tag, since, limit, json };
        command.SetAction(parse =>
        {
            using var store = RunsCommand.OpenReadOnly(parse, db);
            var listing = store.ListChecked(new RunQuery
            {
                AlgorithmId = parse.GetValue(algorithm),
                ProblemId = parse.GetValue(problem),
                Status = parse.GetValue(status),
                Tag = parse.GetValue(tag),
                Since = parse.GetValue(since),
                Limit = ListOptions.LimitValue(parse, limit),
            });
            var runs = listing.Runs;
            if (parse.GetValue(json))
            {
                JsonOutput.Write(runs.Select(RunJson.Summary).Concat(listing.Damaged.Select(RunJson.Damaged)));
                return ExitCodes.Ok;
            }

            if (runs.Count == 0 && listing.Damaged.Count == 0)
            {
                Console.Out.WriteLine($"No runs found in {store.Path}.");
                return ExitCodes.Ok;
            }

            var c = CultureInfo.InvariantCulture;
            var table = new TextTable("ID", "STARTED", "STATUS", "ALGORITHM", "PROBLEM", "DIM", "SEED", "BEST", "EVALS", "STOP", "NAME/TAGS");
            foreach (var r in runs)
            {
                var d = r.Description;
                table.Add(RecordText.ShortId(r.Id), RecordText.Local(d.StartedAt), r.Status.ToString().ToLowerInvariant(),
                    d.Algorithm.Id, d.Problem.Id, d.Dimension.ToString(c), d.Seed.ToString(c), r.BestFitness.ToString("G6", c),
                    r.Evaluations.ToString(c), r.StopReason?.ToString() ?? "-",
                    string.Join(" ", new[] { d.Name }.Concat(d.Tags.Select(t => "#" + t)).Where(s => s is not null)));
            }

            // A damaged run is listed by id only: its other fields cannot be trusted, so none is shown.
            foreach (var damaged in listing.Damaged)
            {
                table.Add(RecordText.ShortId(damaged.Id), "-", "damaged", "-", "-", "-", "-", "-", "-", "-", "-");
            }

            Console.Out.Write(table.ToString());
            if (listing.Damaged.Count > 0)
            {
                Console.Out.WriteLine($"{listing.Damaged.Count} damaged run(s) not shown in full: wb db check names the damage, wb db repair salvages the rest");
            }

            return ExitCodes.Ok;
        });
        return command;
    }
}
