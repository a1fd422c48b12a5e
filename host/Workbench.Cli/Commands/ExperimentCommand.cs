using System.CommandLine;
using System.Globalization;
using Workbench.Cli.Composition;
using Workbench.Cli.Output;
using Workbench.Engine.Evaluation;
using Workbench.Engine.Experiments;
using Workbench.Engine.Running;
using Workbench.Engine.Specs;
using Workbench.Reporting;
using Workbench.Storage;

namespace Workbench.Cli.Commands;

/// <summary><c>wb experiment NAME</c>: the paper's experiments over seeds 1..N, as a table (or JSON), every run
/// recorded in the run store (tagged <c>experiment:NAME</c>) and, with <c>--png</c>, the median convergence curves
/// with quartile bands drawn by the same code as <c>wb runs compare --group</c>.</summary>
internal static class ExperimentCommand
{
    public static Command Create()
    {
        var command = new Command("experiment", "Reproduce the Playdoh paper's optimisation experiments over several seeds");
        foreach (var experiment in PaperExperiments.All)
        {
            command.Subcommands.Add(Create(experiment));
        }

        command.Subcommands.Add(PaperOverheadCommand.Create());
        command.Subcommands.Add(PaperMapCommand.Create());
        return command;
    }

    private static Command Create(ExperimentDefinition experiment)
    {
        var seeds = new Option<int>("--seeds") { Description = "Run seeds 1..N of every setting", DefaultValueFactory = _ => 10 };
        var workers = new Option<int>("--workers") { Description = "CPU threads per run", DefaultValueFactory = _ => Environment.ProcessorCount };
        var json = CommonOptions.Json("Print one JSON object with every seed's result and the median curves");
        var png = new Option<string?>("--png") { Description = "Write the median convergence curves (with quartile bands) of every setting to this PNG" };
        var command = new Command(experiment.Id, experiment.Title) { seeds, workers, json, png, StoreOptions.RunDatabase, StoreOptions.NoRecord };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var n = parse.GetValue(seeds);
            if (n < 1)
            {
                throw new UsageException($"--seeds must be at least 1, got {n}");
            }

            using var host = WorkbenchHost.Open(parse);
            var runner = new ExperimentRunner(new RunPlanner(host.Catalog, host.Evaluators));
            runner.RunCompleted += (setting, run) => Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{setting.Label}, seed {run.Seed}: best {run.BestFitness:G4} ({run.StopReason}, {run.WallSeconds:F2} s)"));
            var evaluation = new EvaluationSettings { Workers = parse.GetValue(workers) };
            using var store = parse.GetValue(StoreOptions.NoRecord) ? null : RunStore.OpenForWriting(StoreOptions.Path(parse, StoreOptions.RunDatabase));
            var captures = new List<RunCapture>();
            var result = await runner.RunAsync(experiment, n, evaluation, () =>
            {
                var capture = new RunCapture();
                captures.Add(capture);
                return store is null ? [capture] : [capture, store.CreateRecorder()];
            }, cancellationToken);
            if (parse.GetValue(png) is { } pngPath)
            {
                var groups = RunGrouping.Group(captures.Select(c => c.Result).OfType<RunData>(), new OptionLabels(host.Catalog));
                ConvergencePlot.SaveGroupsPng(pngPath, groups, CompareAxis.Evaluations);
                Console.Error.WriteLine($"median curves written to {pngPath}");
            }

            if (store is not null)
            {
                Console.Error.WriteLine($"{captures.Count} runs recorded in {store.Path} (tag experiment:{experiment.Id})");
            }

            if (parse.GetValue(json))
            {
                JsonOutput.Write(ToJson(result));
            }
            else
            {
                Console.Out.Write(ToText(result));
            }

            return ExitCodes.Ok;
        });
        return command;
    }

    private static string ToText(ExperimentResult result)
    {
        var c = CultureInfo.InvariantCulture;
        var e = result.Definition;
        var table = new TextTable("setting", "median", "q1", "q3", $"<= {e.SuccessThreshold:G2}", "reference", "median s");
        foreach (var s in result.Settings)
        {
            table.Add(s.Setting.Label, s.Median.ToString("G3", c), s.LowerQuartile.ToString("G3", c), s.UpperQuartile.ToString("G3", c),
                $"{s.Successes}/{s.Runs.Count}",
                s.Setting.Reference is double r ? $"{r.ToString("G2", c)} ({s.Setting.ReferenceSource})" : "-",
                s.MedianWallSeconds.ToString("F2", c));
        }

        var lines = new List<string> { $"{e.Title}: final best over seeds 1..{result.Seeds}", "", table.ToString(), "Each setting as a single run:" };
        lines.AddRange(result.Settings.Select(s => "  " + CommandLine(s.Setting.Template)));
        return string.Join(Environment.NewLine, lines) + Environment.NewLine;
    }

    private static object ToJson(ExperimentResult result) => new
    {
        experiment = result.Definition.Id,
        title = result.Definition.Title,
        seeds = result.Seeds,
        successThreshold = result.Definition.SuccessThreshold,
        settings = result.Settings.Select(s => new
        {
            label = s.Setting.Label,
            command = CommandLine(s.Setting.Template),
            median = s.Median,
            lowerQuartile = s.LowerQuartile,
            upperQuartile = s.UpperQuartile,
            successes = s.Successes,
            reference = s.Setting.Reference,
            referenceSource = s.Setting.ReferenceSource,
            medianWallSeconds = s.MedianWallSeconds,
            runs = s.Runs.Select(r => new { seed = r.Seed, bestFitness = r.BestFitness, evaluations = r.Evaluations, iterations = r.Iterations, stopReason = r.StopReason, wallSeconds = r.WallSeconds }),
            medianCurve = s.MedianCurve,
        }),
    };

    /// <summary>The equivalent <c>wb run</c> command, so any cell of the table can be reproduced on its own.</summary>
    private static string CommandLine(RunRequest r)
    {
        var c = CultureInfo.InvariantCulture;
        var parts = new List<string> { "wb run", "-a", r.AlgorithmId, "-p", r.ProblemId, "-d", r.Dimension.ToString(c) };
        parts.AddRange(r.AlgorithmOptions.SelectMany(o => new[] { "-o", $"{o.Key}={o.Value}" }));
        if (r.Bounds is (double lo, double hi))
        {
            parts.Add(string.Create(c, $"--bounds={lo}:{hi}"));
        }

        if (r.Islands is { } i)
        {
            parts.Add(string.Create(c, $"--islands {i.Count} --migration-interval {i.MigrationInterval} --migration-rate {i.MigrationRate} --topology {Engine.Islands.IslandTopology.Name(i.Topology)}"));
        }

        if (r.Stop.MaxIterations is long iterations)
        {
            parts.Add(string.Create(c, $"--max-iters {iterations}"));
        }

        parts.Add("--seed S");
        return string.Join(' ', parts);
    }
}
