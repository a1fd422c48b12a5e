using System.CommandLine;
using System.Globalization;
using System.Text;
using Workbench.Cli.Output;
using Workbench.Engine.Archive;

namespace Workbench.Cli.Commands;

/// <summary><c>wb runs show ID</c>: a run's metadata, ~20 log-spaced history rows and the command that repeats it.</summary>
internal static class RunsShowCommand
{
    public static Command Create()
    {
        var db = StoreOptions.Database();
        var id = new Argument<string>("ID") { Description = "Run id or any unique prefix of it" };
        var json = CommonOptions.Json("Print the run and its whole history as one JSON object");
        var command = new Command("show", "Show a stored run") { id, db, json };
        command.SetAction(parse =>
        {
            using var store = RunsCommand.OpenReadOnly(parse, db);
            var run = store.Get(parse.GetValue(id)!);
            var history = store.LoadHistory(run.Id);
            if (parse.GetValue(json))
            {
                JsonOutput.Write(new { run, history = HistoryJson(history), repeat = RepeatCommand.For(run.Description) });
                return ExitCodes.Ok;
            }

            Console.Out.Write(Text(run, history));
            return ExitCodes.Ok;
        });
        return command;
    }

    public static IReadOnlyList<int> SampleRows(int count, int wanted = 20)
    {
        var rows = new SortedSet<int>();
        for (var k = 0; k < wanted && count > 0; k++)
        {
            rows.Add((int)Math.Round(Math.Pow(count, k / (double)(wanted - 1))) - 1);
        }

        if (count > 0)
        {
            rows.Add(count - 1);
        }

        return rows.Where(r => r >= 0 && r < count).ToList();
    }

    private static object HistoryJson(RunHistory h) => new
    {
        iteration = h.Iteration, evaluations = h.Evaluations, best = h.Best, iterationBest = h.IterationBest,
        mean = h.Mean, elapsed = h.Elapsed, extras = h.Extras,
    };

    private static string Text(RunRecord r, RunHistory h)
    {
        var c = CultureInfo.InvariantCulture;
        var d = r.Description;
        var sb = new StringBuilder();
        var labels = $"{(d.Name is null ? "" : $" \"{d.Name}\"")}{(d.Tags.Count == 0 ? "" : " " + string.Join(" ", d.Tags.Select(t => "#" + t)))}";
        sb.AppendLine(c, $"run {r.Id}{Engine.Validation.ControlText.Escape(labels)}");
        sb.AppendLine(c, $"status:     {r.Status.ToString().ToLowerInvariant()}{(r.StopReason is { } s ? $" ({s})" : "")}{(r.Error is null ? "" : $": {r.Error}")}");
        sb.AppendLine(c, $"algorithm:  {d.Algorithm.Id} (plugin {d.Algorithm.Origin.PluginId} {d.Algorithm.Origin.PluginVersion}, sha256 {RecordText.ShortSha(d.Algorithm.Origin.AssemblySha256)})");
        sb.AppendLine(c, $"problem:    {d.Problem.Id} (plugin {d.Problem.Origin.PluginId} {d.Problem.Origin.PluginVersion}, sha256 {RecordText.ShortSha(d.Problem.Origin.AssemblySha256)}), {d.Dimension}-D, bounds [{Range(d.Lower)}, {Range(d.Upper)}]{(d.BoundsOverridden ? " (overridden)" : "")}");
        sb.AppendLine(c, $"seed:       {d.Seed}");
        sb.AppendLine(c, $"evaluator:  {d.Evaluator} x{d.Workers} on {d.Device}{(d.Islands is { } isl ? $", {isl.Count} islands ({isl.Topology}, every {isl.MigrationInterval} iterations, rate {isl.MigrationRate})" : "")}");
        if (SpreadText.Line(r.EvaluatorReport) is { } spread)
        {
            sb.AppendLine(spread);
        }

        sb.AppendLine(c, $"machine:    {RecordText.Machine(d.Machine)}");
        sb.AppendLine(c, $"started:    {RecordText.Times(d.StartedAt, r.EndedAt, r.WallSeconds)}");
        sb.AppendLine(c, $"result:     best {r.BestFitness:G10} after {r.Iterations:N0} iterations, {r.Evaluations:N0} evaluations{(d.KnownOptimum is double o ? $" (known optimum {o:G6})" : "")}");
        if (r.BestPoint.Length > 0)
        {
            sb.AppendLine(c, $"best point: [{string.Join(", ", r.BestPoint.Take(10).Select(x => x.ToString("G8", c)))}{(r.BestPoint.Length > 10 ? ", ..." : "")}]");
        }

        sb.AppendLine();
        var extraNames = d.ExtraNames.Where(h.Extras.ContainsKey).ToList();
        var table = new TextTable(["ITER", "EVALS", "BEST", "ITER BEST", "MEAN", "SECONDS", .. extraNames.Select(n => n.ToUpperInvariant())]);
        foreach (var i in SampleRows(h.Count))
        {
            table.Add([h.Iteration[i].ToString(c), h.Evaluations[i].ToString(c), h.Best[i].ToString("G6", c), h.IterationBest[i].ToString("G6", c),
                h.Mean[i].ToString("G6", c), h.Elapsed[i].ToString("F3", c), .. extraNames.Select(n => h.Extras[n][i].ToString("G4", c))]);
        }

        sb.Append(h.Count == 0 ? "no history recorded\n" : table.ToString());
        sb.AppendLine(c, $"({h.Count:N0} history rows; all of them: wb runs export {r.Id[..12]} --csv)");
        sb.AppendLine();
        sb.AppendLine("repeat with:");
        sb.AppendLine("  " + RepeatCommand.For(d));
        return sb.ToString();
    }

    private static string Range(double[] values) =>
        values.Length > 0 && values.All(v => v.Equals(values[0])) ? values[0].ToString("G6", CultureInfo.InvariantCulture) : "per coordinate";
}
