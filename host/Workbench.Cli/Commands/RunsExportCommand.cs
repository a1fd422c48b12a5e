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

            List<RunData> runs;
            using (var store = RunsCommand.OpenReadOnly(parse, db))
            {
                runs = RunsEditCommands.Load(store, parse.GetValue(ids)!);
            }

            var text = parse.GetValue(csv) ? HistoryExport.ToCsv(runs) : HistoryExport.ToJson(runs) + "\n";
            if (parse.GetValue(output) is { } path)
            {
                File.WriteAllText(path, text);
                Console.Error.WriteLine($"wb: exported {runs.Count} run(s) to {path}");
            }
            else
            {
                Console.Out.Write(text);
            }

            return ExitCodes.Ok;
        });
        return command;
    }
}
