using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using Workbench.Cli.Composition;
using Workbench.Engine.Archive;
using Workbench.Engine.Running;
using Workbench.Reporting;
using Workbench.Storage;
using Workbench.Engine.Statistics;

namespace Workbench.Cli.Commands;

/// <summary><c>wb db bench record|store|compare|open</c>: the run store's performance bars, medians over repetitions.</summary>
internal static class DbBenchCommand
{
    public static Command Create() => new("bench", "Benchmarks of the run store") { Record(), Store(), Compare(), Open() };

    private static Command Record()
    {
        var reps = new Option<int>("--reps") { Description = "Repetitions of each variant (alternating)", DefaultValueFactory = _ => 21 };
        var dim = new Option<int>("--dim", "-d") { DefaultValueFactory = _ => 10 };
        var workers = new Option<int>("--workers") { DefaultValueFactory = _ => 1 };
        var command = new Command("record", "Wall time of CMA-ES on Rosenbrock to 1e-8, recorded vs --no-record") { reps, dim, workers };
        command.SetAction(async (parse, ct) =>
        {
            var path = TempDb();
            using var host = WorkbenchHost.Open(parse);
            var planner = new RunPlanner(host.Catalog, host.Evaluators);
            var (recorded, plain, opens) = (new List<double>(), new List<double>(), new List<double>());
            var (loopRecorded, loopPlain) = (new List<double>(), new List<double>());
            var n = parse.GetValue(reps);
            long iterations = 0;
            for (var rep = -3; rep < n; rep++)
            {
                // Alternate which variant goes first so drift (thermal, other load) hits both alike.
                foreach (var record in rep % 2 == 0 ? new[] { true, false } : [false, true])
                {
                    var request = new RunRequest
                    {
                        AlgorithmId = "cmaes", ProblemId = "rosenbrock", Dimension = parse.GetValue(dim), Seed = (ulong)(rep + 100),
                        Stop = new StopCriteria { Target = 1e-8, MaxEvaluations = 2_000_000 },
                        Evaluation = new EvaluationSettings { Workers = parse.GetValue(workers) },
                    };
                    using var run = planner.Prepare(request);
                    var open = Stopwatch.StartNew();
                    using var store = record ? RunStore.OpenForWriting(path) : null;
                    using var recorder = store?.CreateRecorder();
                    open.Stop();
                    // Setup garbage (plugin objects, the store's page buffers) is collected before either variant's clock.
                    GC.Collect();
                    GC.WaitForPendingFinalizers();
                    var clock = Stopwatch.StartNew();
                    var summary = await RunLoop.RunAsync(run, recorder is null ? [] : [recorder], ct);
                    clock.Stop();
                    if (rep >= 0)
                    {
                        (record ? recorded : plain).Add(clock.Elapsed.TotalSeconds);
                        (record ? loopRecorded : loopPlain).Add(summary.WallSeconds);
                        iterations += record ? summary.Iterations : 0;
                        if (record)
                        {
                            opens.Add(open.Elapsed.TotalSeconds);
                        }
                    }
                }
            }

            var c = CultureInfo.InvariantCulture;
            var (mr, mp) = (Median(recorded), Median(plain));
            Console.Out.WriteLine(string.Create(c, $"CMA-ES rosenbrock {parse.GetValue(dim)}-D to 1e-8, {n} alternating pairs, workers {parse.GetValue(workers)}"));
            Console.Out.WriteLine(string.Create(c, $"median wall time, final durable write included: recorded {mr * 1000:F2} ms, --no-record {mp * 1000:F2} ms, ratio {mr / mp:F4} ({(mr / mp - 1) * 100:+0.00;-0.00}%)"));
            Console.Out.WriteLine(string.Create(c, $"  until the last iteration (the run's own wall time, before the final write): recorded {Median(loopRecorded) * 1000:F2} ms, --no-record {Median(loopPlain) * 1000:F2} ms, ratio {Median(loopRecorded) / Median(loopPlain):F4}"));
            Console.Out.WriteLine(string.Create(c, $"median store open (before the run, not in the ratio): {Median(opens) * 1000:F2} ms"));
            Console.Out.WriteLine(string.Create(c, $"database: {new FileInfo(path).Length:N0} bytes for {n} runs, {iterations:N0} iterations: {new FileInfo(path).Length * 1000.0 / iterations:N0} bytes per 1000 iterations (all overheads included)"));
            Cleanup(path);
            return ExitCodes.Ok;
        });
        return command;
    }

    private static Command Store()
    {
        var runs = new Option<int>("--runs") { DefaultValueFactory = _ => 10_000 };
        var iterations = new Option<int>("--iterations") { DefaultValueFactory = _ => 100 };
        var keep = new Option<string?>("--db") { Description = "Write the synthetic runs here and keep the file (default: a temporary file, deleted)" };
        var command = new Command("store", "Write N synthetic runs, then time wb runs list over them") { runs, iterations, keep };
        command.SetAction(parse =>
        {
            var path = parse.GetValue(keep) is { } p ? Path.GetFullPath(p) : TempDb();
            var write = Stopwatch.StartNew();
            Fill(path, parse.GetValue(runs), parse.GetValue(iterations));
            write.Stop();
            var c = CultureInfo.InvariantCulture;
            Console.Out.WriteLine(string.Create(c, $"wrote {parse.GetValue(runs):N0} runs x {parse.GetValue(iterations)} iterations in {write.Elapsed.TotalSeconds:F1} s; file {new FileInfo(path).Length:N0} bytes"));
            foreach (var (label, query) in new[] { ("list all", new RunQuery()), ("list --limit 50", new RunQuery { Limit = 50 }), ("list --algorithm pso --limit 50", new RunQuery { AlgorithmId = "pso", Limit = 50 }) })
            {
                var times = Enumerable.Range(0, 7).Select(_ =>
                {
                    var clock = Stopwatch.StartNew();
                    using var store = RunStore.OpenReadOnly(path);
                    var count = store.List(query).Count;
                    return (clock.Elapsed.TotalSeconds, count);
                }).ToList();
                Console.Out.WriteLine(string.Create(c, $"{label}: {times[0].count:N0} runs, median {Median(times.Select(t => t.TotalSeconds).ToList()) * 1000:F1} ms (open + query, 7 reps)"));
            }

            if (parse.GetValue(keep) is null)
            {
                Cleanup(path);
            }

            return ExitCodes.Ok;
        });
        return command;
    }

    private static Command Compare()
    {
        var runs = new Option<int>("--runs") { DefaultValueFactory = _ => 100 };
        var iterations = new Option<int>("--iterations") { DefaultValueFactory = _ => 2000 };
        var command = new Command("compare", "Time loading N runs, their threshold table, CSV and PNG") { runs, iterations };
        command.SetAction(parse =>
        {
            var path = TempDb();
            Fill(path, parse.GetValue(runs), parse.GetValue(iterations));
            var png = Path.ChangeExtension(path, ".png");
            var times = Enumerable.Range(0, 5).Select(rep =>
            {
                var clock = Stopwatch.StartNew();
                using var store = RunStore.OpenReadOnly(path);
                var data = store.List(new RunQuery()).Select(r => new RunData(r, store.LoadHistory(r.Id))).ToList();
                var loaded = clock.Elapsed.TotalSeconds;
                var table = ThresholdTable.Build(data);
                _ = RunsCompareCommand.Text(table, CompareAxis.Evaluations);
                _ = table.ToCsv();
                var tabled = clock.Elapsed.TotalSeconds;
                ConvergencePlot.SaveRunsPng(png, data, CompareAxis.Evaluations);
                Console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"  rep {rep}: load {loaded * 1000:F0} ms, table+CSV {(tabled - loaded) * 1000:F0} ms, PNG {(clock.Elapsed.TotalSeconds - tabled) * 1000:F0} ms"));
                return clock.Elapsed.TotalSeconds;
            }).ToList();
            Console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"compare {parse.GetValue(runs)} runs x {parse.GetValue(iterations)} iterations (load, table, CSV, PNG): median {Median(times) * 1000:F0} ms over 5 reps (first {times[0] * 1000:F0} ms)"));
            File.Delete(png);
            Cleanup(path);
            return ExitCodes.Ok;
        });
        return command;
    }

    /// <summary>What a writer's start costs: opening a store of N runs for writing, with the history check skipped
    /// (the note of the last clean close matches) and with every history chunk read (no note).</summary>
    private static Command Open()
    {
        var runs = new Option<int>("--runs") { DefaultValueFactory = _ => 200 };
        var iterations = new Option<int>("--iterations") { DefaultValueFactory = _ => 2000 };
        var command = new Command("open", "Time opening a store of N runs for writing, with and without the history check") { runs, iterations };
        command.SetAction(parse =>
        {
            var path = TempDb();
            Fill(path, parse.GetValue(runs), parse.GetValue(iterations));
            var (noted, full) = (new List<double>(), new List<double>());
            for (var rep = -2; rep < 9; rep++)
            {
                foreach (var checkHistory in rep % 2 == 0 ? new[] { false, true } : [true, false])
                {
                    if (checkHistory)
                    {
                        File.Delete(path + ".checked");
                    }

                    var clock = Stopwatch.StartNew();
                    using (RunStore.OpenForWriting(path))
                    {
                        clock.Stop();
                    }

                    if (rep >= 0)
                    {
                        (checkHistory ? full : noted).Add(clock.Elapsed.TotalSeconds);
                    }
                }
            }

            Console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"open for writing, {parse.GetValue(runs)} runs x {parse.GetValue(iterations)} iterations ({new FileInfo(path).Length:N0} bytes), median of 9: " +
                $"{Median(noted) * 1000:F1} ms with the clean note, {Median(full) * 1000:F1} ms checking every history chunk"));
            Cleanup(path);
            return ExitCodes.Ok;
        });
        return command;
    }

    private static void Fill(string path, int count, int iterations)
    {
        using var store = RunStore.OpenForWriting(path);
        var start = DateTimeOffset.UtcNow.AddDays(-1);
        store.Import(Enumerable.Range(0, count).Select(i => SyntheticRuns.Make(i, iterations, start)));
    }

    private static string TempDb() => Path.Combine(Path.GetTempPath(), $"wb-bench-{Guid.NewGuid():N}", "runs.db");

    private static void Cleanup(string path) => Directory.Delete(Path.GetDirectoryName(path)!, recursive: true);

    private static double Median(List<double> values) => Quantiles.Median(values);
}
