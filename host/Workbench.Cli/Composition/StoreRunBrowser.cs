using System.Globalization;
using Workbench.Cli.Commands;
using Workbench.Engine.Archive;
using Workbench.Engine.Specs;
using Workbench.Reporting;
using Workbench.Storage;
using Workbench.Tui.Runs;

namespace Workbench.Cli.Composition;

/// <summary>The terminal UI's view of the run store: the same store, reports and plots as <c>wb runs ...</c>.</summary>
/// <remarks>The UI process owns the store for writing (its runs are recorded through it), so it also reads
/// through it: a second, read-only open of the same file would be refused while the UI holds the lock.</remarks>
internal sealed class StoreRunBrowser(RunStore store, OptionLabels labels) : IRunBrowser
{
    public IReadOnlyList<RunRow> List() =>
        store.List(new RunQuery()).Select(r => new RunRow(
            r.Id,
            r.Description.Algorithm.Id,
            r.Description.Problem.Id,
            r.Description.Dimension,
            r.Status.ToString().ToLowerInvariant(),
            r.BestFitness,
            r.Evaluations,
            r.Description.StartedAt,
            r.Description.Tags,
            r.Description.Seed,
            RunGrouping.Key(r.Description),
            $"{labels.Label(r.Description.Algorithm.Id, r.Description.Algorithm.Options)}/{labels.ProblemLabel(r.Description.Problem.Id, r.Description.Problem.Options)}")).ToList();

    public IReadOnlyList<(double Evaluations, double Best)> History(string runId)
    {
        var history = store.LoadHistory(runId);
        return Enumerable.Range(0, history.Count).Select(i => ((double)history.Evaluations[i], history.Best[i])).ToList();
    }

    public void Delete(string runId) => store.Delete([runId]);

    public void Tag(string runId, string tag) => store.Tag(runId, tag);

    public string ExportCsv(IReadOnlyList<string> runIds, string path)
    {
        var runs = RunsEditCommands.ForExport(store, runIds); // checked before the file is created
        using (var file = File.Create(path))
        {
            HistoryExport.WriteCsv(file, runs);
        }

        return Path.GetFullPath(path);
    }

    public string ExportPng(IReadOnlyList<string> runIds, string path)
    {
        ConvergencePlot.SaveRunsPng(path, RunsEditCommands.Load(store, runIds), CompareAxis.Evaluations);
        return Path.GetFullPath(path);
    }

    public TextTableData Compare(IReadOnlyList<string> runIds)
    {
        var c = CultureInfo.InvariantCulture;
        var table = ThresholdTable.Build(RunsEditCommands.Load(store, runIds));
        var headers = new List<string> { "RUN", "ALGORITHM", "BEST", "EVALS", "STOP" };
        headers.AddRange(table.Thresholds.Select(t => "<=" + t.ToString("0e0", c)));
        var rows = table.Rows.Select(row => (IReadOnlyList<string>)
        [
            row.Run.Run.Id[..12], row.Run.Run.Description.Algorithm.Id, row.Best.ToString("G6", c), row.Evaluations.ToString(c),
            row.Run.Run.StopReason?.ToString() ?? row.Run.Run.Status.ToString().ToLowerInvariant(),
            .. row.Hits.Select(h => h is null ? "-" : h.Evaluations.ToString(c)),
        ]).ToList();
        return new TextTableData(headers, rows);
    }
}
