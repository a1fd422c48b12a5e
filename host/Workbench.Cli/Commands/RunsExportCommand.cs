using System.CommandLine;
using Workbench.Reporting;

namespace Workbench.Cli.Commands;

/// <summary><c>wb runs export ID... --csv|--json [--out FILE]</c>: histories in full, numbers in round-trip form.</summary>
internal static class RunsExportCommand
{
    public static Command Create()
    {
        var db = StoreOptions.Database();
        var ids = RunsCommand.Ids("Run ids or unique prefixes");
        var csv = new Option<bool>("--csv") { Description = "One CSV row per iteration of every run" };
        var json = new Option<bool>("--json") { Description = "A JSON array: each run's metadata and history columns" };
        var output = new Option<string?>("--out", "-o") { Description = "Write to this file instead of stdout" }.OutputFile();
        var command = new Command("export", "Export runs with their histories") { ids, db, csv, json, output };
        command.SetAction(parse =>
        {
            if (parse.GetValue(csv) == parse.GetValue(json))
            {
                throw new UsageException("choose exactly one of --csv and --json");
            }

            // Streamed: each history is read chunk by chunk while it is written, so the store stays open meanwhile.
            using var store = RunsCommand.OpenReadOnly(parse, db);
            var runs = RunsEditCommands.ForExport(store, parse.GetValue(ids)!);
            var path = parse.GetValue(output);
            using (var target = path is null ? Console.OpenStandardOutput() : File.Create(path))
            {
                if (parse.GetValue(csv))
                {
                    HistoryExport.WriteCsv(target, runs);
                }
                else
                {
                    HistoryExport.WriteJson(target, runs);
                }
            }

            if (path is not null)
            {
                Console.Error.WriteLine($"wb: exported {runs.Count} run(s) to {path}");
            }

            return ExitCodes.Ok;
        });
        return command;
    }
}
