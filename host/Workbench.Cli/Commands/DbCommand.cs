using System.CommandLine;
using System.Globalization;
using Workbench.Storage;

namespace Workbench.Cli.Commands;

/// <summary><c>wb db check|repair|bench</c>: the run database's health, salvage and benchmarks.</summary>
internal static class DbCommand
{
    public static Command Create() => new("db", "The run database: check, repair, benchmarks")
    {
        Check(),
        Repair(),
        DbBenchCommand.Create(),
    };

    private static Command Check()
    {
        var db = StoreOptions.Database();
        var command = new Command("check", "Read every run and history chunk (read-only) and report problems") { db };
        command.SetAction(parse =>
        {
            var report = StoreCheck.Run(StoreOptions.Path(parse, db));
            var c = CultureInfo.InvariantCulture;
            Console.Out.WriteLine(string.Create(c, $"database:       {report.Path} ({report.Bytes:N0} bytes)"));
            Console.Out.WriteLine(string.Create(c, $"schema version: {report.SchemaVersion} (this wb writes {RunStore.CurrentSchemaVersion})"));
            Console.Out.WriteLine(string.Create(c, $"runs:           {report.Runs:N0} ({report.HistoryRows:N0} history rows)"));
            Console.Out.WriteLine(report.UncheckedRuns == 0 ? "checksums:      every run checked"
                : string.Create(c, $"checksums:      {report.UncheckedRuns:N0} run(s) unchecked: written before checksums (schema 3 or older), read but not verified"));
            Console.Out.WriteLine(report.Healthy ? "problems:       none"
                : string.Create(c, $"problems:       {report.Problems.Count} ({report.DamagedRuns:N0} damaged run(s))"));
            foreach (var problem in report.Problems.Take(50))
            {
                Console.Out.WriteLine("  " + problem);
            }

            if (!report.Healthy)
            {
                Console.Out.WriteLine("wb db repair keeps the original as a backup and salvages what it can into a new file.");
            }

            return report.Healthy ? ExitCodes.Ok : ExitCodes.Failed;
        });
        return command;
    }

    private static Command Repair()
    {
        var db = StoreOptions.Database();
        var command = new Command("repair", "Salvage readable runs into a new file, check it holds every run db check reads, then swap it in (the original is kept as runs.db.bak-<timestamp>)") { db };
        command.SetAction(parse =>
        {
            var report = StoreRepair.Run(StoreOptions.Path(parse, db));
            Console.Out.WriteLine($"original kept as {report.Backup}");
            foreach (var note in report.Notes.Take(50))
            {
                Console.Out.WriteLine("  " + note);
            }

            Console.Out.WriteLine($"recovered {report.RunsRecovered} run(s) into {report.Path} ({report.RunsReadable} readable by wb db check before)" +
                (report.RunsUnreadable > 0 ? $"; {report.RunsUnreadable} unreadable run(s) lost" : "") +
                (report.HistoriesCut > 0 ? $"; {report.HistoriesCut} run(s) kept only the readable start of their history" : ""));
            return ExitCodes.Ok;
        });
        return command;
    }
}
