using System.CommandLine;
using Microsoft.Extensions.Logging;
using Workbench.Cli.Composition;
using Workbench.Cli.Output;
using Workbench.Engine.Diagnostics;
using Workbench.Engine.Evaluation;
using Workbench.Engine.Running;

namespace Workbench.Cli.Commands;

/// <summary><c>wb run</c>: one optimisation run with a live progress line and a summary.</summary>
internal static class RunCommand
{
    public static Command Create()
    {
        var options = new RunOptions();
        var json = CommonOptions.Json("Print exactly one JSON object with the result on stdout");
        var command = new Command("run", "Minimise a problem with an optimiser, both loaded from plugins");
        foreach (var option in options.All)
        {
            command.Options.Add(option);
        }

        command.Options.Add(json);
        command.Options.Add(StoreOptions.RunDatabase);
        command.Options.Add(StoreOptions.NoRecord);
        var history = new Option<string>("--history")
        {
            Description = "What the store keeps: thinned (default: the first 1000 iterations, every improvement, then geometrically spaced ones; at most 2 MB a run) or full",
            DefaultValueFactory = _ => "thinned",
        };
        history.AcceptOnlyFromAmong("thinned", "full");
        command.Options.Add(history);
        command.SetAction(async (parse, cancellationToken) =>
        {
            var request = options.ToRequest(parse, out var seedWasDrawn);
            var log = WorkbenchLog.For("Workbench.Cli.Run");
            // Before the store starts opening: from then on a signal stops the run gracefully and records it (one
            // that comes while the plugins load or the run is planned stops it before its first iteration).
            using var signals = TerminationSignals.Listen(cancellationToken);
            using var opening = RunRecording.Begin(parse, parse.GetValue(history) == "full" ? HistoryKeeping.Full : HistoryKeeping.Thinned);
            using var host = WorkbenchHost.Open(parse, wanted: [request.AlgorithmId, request.ProblemId]);
            log.LogTrace("plugins loaded");
            if (request.Evaluation.Isolation == EvaluationIsolation.Process)
            {
                request = request with { Evaluation = request.Evaluation.InIsolatedWorker(() => host.StartWorker(request.Evaluation.Workers).Address) };
            }

            // Plan first: a usage error is reported as such whatever the state of the run database.
            using var run = new RunPlanner(host.Catalog, host.Evaluators).Prepare(request);
            log.LogTrace("run prepared (algorithm and problem created)");
            // The recorder thins and caps the history itself (the rule every front end shares); full keeps it all.
            using var recording = opening.Take();
            log.LogTrace("store opened");
            var observers = new List<IRunObserver>();
            if (recording.Observer is { } recorder)
            {
                observers.Add(recorder);
            }

            if (ProgressLine.ForTerminal(run.Evaluator) is { } progress)
            {
                observers.Add(progress);
            }

            var summary = await RunLoop.RunAsync(run, observers, signals.Token);
            // The JIT's share of a short command's time, the first thing to look at when start-up grows.
            log.LogTrace(
                "run ended and recorded; so far the JIT compiled {Methods} methods in {Milliseconds:F0} ms",
                System.Runtime.JitInfo.GetCompiledMethodCount(),
                System.Runtime.JitInfo.GetCompilationTime().TotalMilliseconds);
            if (parse.GetValue(json))
            {
                JsonOutput.Write(RunReport.ToJson(run.Description, summary));
            }
            else
            {
                Console.Out.Write(RunReport.ToText(run.Description, summary, seedWasDrawn));
            }

            if (summary.Error is not null)
            {
                // A worker that died says why better than the lost connection does.
                var cause = summary.Status == RunStatus.Failed && host.Worker?.Death() is { } death ? death : summary.Error;
                Console.Error.WriteLine($"wb: run {(summary.Status == RunStatus.Interrupted ? "interrupted" : "failed")}: {cause}");
            }

            return summary.Status switch
            {
                RunStatus.Failed => ExitCodes.Failed,
                RunStatus.Interrupted => signals.ExitCode,
                _ => ExitCodes.Ok,
            };
        });
        return TerminationSignals.HandledBy(command);
    }
}
