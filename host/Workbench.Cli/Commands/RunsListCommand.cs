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
            var runs = store.List(new RunQuery
            {
                AlgorithmId = parse.GetValue(algorithm),
                ProblemId = parse.GetValue(problem),
                Status = parse.GetValue(status),
                Tag = parse.GetValue(tag),
                Since = parse.GetValue(since),
                Limit = ListOptions.LimitValue(parse, limit),
            });
            if (parse.GetValue(json))
            {
                JsonOutput.Write(runs.Select(RunJson.Summary));
                return ExitCodes.Ok;
            }

            if (runs.Count == 0)
            {
                Console.Out.WriteLine($"No runs found in {store.Path}.");
                return ExitCodes.Ok;
            }

            var c = CultureInfo.InvariantCulture;
            var table = new TextTable("ID", "STARTED", "STATUS", "ALGORITHM", "PROBLEM", "DIM", "SEED", "BEST", "EVALS", "STOP", "NAME/TAGS");
            foreach (var r in runs)
            {
                var d = r.Description;
                table.Add(r.Id[..12], RecordText.Local(d.StartedAt), r.Status.ToString().ToLowerInvariant(),
                    d.Algorithm.Id, d.Problem.Id, d.Dimension.ToString(c), d.Seed.ToString(c), r.BestFitness.ToString("G6", c),
                    r.Evaluations.ToString(c), r.StopReason?.ToString() ?? "-",
                    string.Join(" ", new[] { d.Name }.Concat(d.Tags.Select(t => "#" + t)).Where(s => s is not null)));
            }

            Console.Out.Write(table.ToString());
            return ExitCodes.Ok;
        });
        return command;
    }
}
