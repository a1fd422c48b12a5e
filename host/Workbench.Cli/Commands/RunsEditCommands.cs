using System.CommandLine;
using Workbench.Engine.Archive;

namespace Workbench.Cli.Commands;

/// <summary><c>wb runs delete</c> and <c>wb runs tag</c>.</summary>
internal static class RunsEditCommands
{
    public static Command Delete()
    {
        var db = StoreOptions.Database();
        var ids = RunsCommand.Ids("Run ids or unique prefixes");
        var yes = new Option<bool>("--yes", "-y") { Description = "Do not ask for confirmation" };
        var command = new Command("delete", "Delete runs and their histories") { ids, db, yes };
        command.SetAction(parse =>
        {
            using var store = RunsCommand.OpenForWriting(parse, db);
            var runs = parse.GetValue(ids)!.Select(store.Get).DistinctBy(r => r.Id).ToList();
            if (!parse.GetValue(yes))
            {
                if (Console.IsInputRedirected)
                {
                    Console.Error.WriteLine($"wb: refusing to delete {runs.Count} run(s) without confirmation: not a terminal; add --yes");
                    return ExitCodes.Usage;
                }

                foreach (var r in runs)
                {
                    Console.Out.WriteLine($"  {r.Id}  {r.Description.Algorithm.Id} on {r.Description.Problem.Id}, seed {r.Description.Seed}, {r.Status.ToString().ToLowerInvariant()}");
                }

                Console.Out.Write($"Delete {runs.Count} run(s)? [y/N] ");
                var answer = Console.ReadLine()?.Trim().ToLowerInvariant();
                if (answer is not ("y" or "yes"))
                {
                    Console.Out.WriteLine("Nothing deleted.");
                    return ExitCodes.Ok;
                }
            }

            var deleted = store.Delete(runs.Select(r => r.Id));
            Console.Out.WriteLine($"Deleted {deleted} run(s).");
            return ExitCodes.Ok;
        });
        return command;
    }

    public static Command Tag()
    {
        var db = StoreOptions.Database();
        var id = new Argument<string>("ID") { Description = "Run id or a unique prefix" };
        var name = new Argument<string>("NAME") { Description = "The tag to add" };
        var command = new Command("tag", "Add a tag to a run") { id, name, db };
        command.SetAction(parse =>
        {
            using var store = RunsCommand.OpenForWriting(parse, db);
            var run = store.Get(parse.GetValue(id)!);
            var tag = parse.GetValue(name)!.Trim();
            if (Engine.Validation.InputRules.Tag(tag) is string bad)
            {
                throw new UsageException(bad);
            }

            store.Tag(run.Id, tag);
            Console.Out.WriteLine($"Tagged {run.Id} with #{tag}.");
            return ExitCodes.Ok;
        });
        return command;
    }

    /// <summary>Loads runs with their histories, in the order given.</summary>
    public static List<Reporting.RunData> Load(IRunArchive store, IEnumerable<string> ids) =>
        ids.Select(store.Get).DistinctBy(r => r.Id).Select(r => new Reporting.RunData(r, store.LoadHistory(r.Id))).ToList();

    /// <summary>Runs to export, in the order given, each history checked first (a damaged run is refused before a
    /// byte is written) and then read chunk by chunk as it is written.</summary>
    public static List<Reporting.ExportRun> ForExport(Workbench.Storage.RunStore store, IEnumerable<string> ids)
    {
        var runs = ids.Select(store.Get).DistinctBy(r => r.Id).ToList();
        runs.ForEach(r => store.VerifyHistory(r.Id));
        return [.. runs.Select(r => new Reporting.ExportRun(r, r.Description.ExtraNames, () => store.ReadHistoryChunks(r.Id)))];
    }
}
