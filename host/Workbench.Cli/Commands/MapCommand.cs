using System.CommandLine;
using Workbench.Cli.Composition;
using Workbench.Cli.Output;
using Workbench.Contracts.Jobs;
using Workbench.Contracts.Tasks;
using Workbench.Engine.Archive;
using Workbench.Engine.Mapping;
using Workbench.Engine.Running;
using Workbench.Transport.Mapping;

namespace Workbench.Cli.Commands;

/// <summary><c>wb map --job ID (--count N | --inputs FILE.jsonl)</c>: one job over many independent inputs on
/// local slots, outputs in input order; and <c>wb map runs</c>, the recorded maps.</summary>
internal static class MapCommand
{
    public static Command Create()
    {
        var job = new Option<string?>("--job", "-j") { Description = "Job id (see wb map jobs)" };
        var count = new Option<int?>("--count", "-n") { Description = "Run the job on the integers 0 .. N-1" };
        var inputs = new Option<string?>("--inputs", "-i") { Description = "Run the job on each line of this JSONL file (number, string, bool or array of numbers)" }.InputFile();
        var options = new Option<string[]>("--option", "-o") { Description = "Job option name=value (repeatable)" };
        var slots = new Option<int?>("--slots") { Description = "Local slots (threads); default: the number of cores" };
        var output = new Option<string?>("--out") { Description = "Write the outputs as JSONL in input order ({\"index\":i,\"output\":...} or {\"index\":i,\"error\":\"...\"})" }.OutputFile();
        var json = CommonOptions.Json("Print one JSON object: summary and (without --out) every output");
        var command = new Command("map", "Run one job over many independent inputs on every core (Playdoh's map)")
        {
            job, count, inputs, options, slots, output, json, StoreOptions.RunDatabase, StoreOptions.NoRecord,
            ClusterOptions.Peers, ClusterOptions.NoLocal,
        };
        command.Subcommands.Add(MapRunsCommand.Create());
        command.Subcommands.Add(MapRunsCommand.Jobs());
        TerminationSignals.HandledBy(command);
        command.SetAction(async (parse, cancellationToken) =>
        {
            var request = new MapRequest(
                parse.GetValue(job) ?? throw new UsageException("wb map needs --job ID (see wb map jobs)"),
                RunOptions.KeyValues(parse.GetValue(options), "--option"),
                parse.GetValue(slots),
                parse.GetValue(output),
                parse.GetValue(json));
            var values = (parse.GetValue(count), parse.GetValue(inputs)) switch
            {
                (int n, null) => MapInputs.Count(n),
                (null, string file) => MapInputs.Read(file),
                _ => throw new UsageException("wb map needs exactly one of --count N and --inputs FILE.jsonl"),
            };
            using var host = WorkbenchHost.Open(parse);
            return await RunAsync(parse, host, request, values, cancellationToken);
        });
        return command;
    }

    /// <summary>This machine's slots, plus every slot of the peers named (which join, leave and come back while the
    /// map runs); --no-local leaves the jobs to the peers.</summary>
    private static async Task<PeerJobSlots> PeerSlotsAsync(ParseResult parse, WorkbenchHost host, LocalJobSlots local, CancellationToken cancellationToken)
    {
        var named = ClusterOptions.PeerTexts(parse).Select(Transport.Client.PeerAddress.Parse).ToArray();
        Transport.Client.ClusterCredentials credentials;
        try
        {
            credentials = named.Length == 0 ? new Transport.Client.ClusterCredentials(null) : ClusterOptions.Credentials(parse);
        }
        catch (Transport.Security.KeyFileException e)
        {
            throw new UsageException($"--peers: {e.Message}");
        }

        var cluster = new Transport.Client.PeerCluster(named, credentials);
        await cluster.ProbeAllAsync(cancellationToken);
        var useLocal = named.Length == 0 || !parse.GetValue(ClusterOptions.NoLocal);
        return new PeerJobSlots(cluster, new Transport.Client.PluginShipper(host.Catalog), useLocal ? local : null);
    }

    private static async Task<int> RunAsync(ParseResult parse, WorkbenchHost host, MapRequest request, TaskValue[] values, CancellationToken cancellationToken)
    {
        // Usage errors (unknown job, bad option, bad slot count) come before the store is opened: nothing is recorded.
        var mapJob = MapJob.Resolve(JobLookup.Find(host.Catalog.Components<IJobFactory>(), request.JobId, host.Catalog), request.Options);
        using var peers = await PeerSlotsAsync(parse, host, new LocalJobSlots(request.Slots), cancellationToken);
        IJobSlotSource source = peers;
        // SIGINT, SIGTERM and SIGHUP stop the map cleanly (exit 128 + signal, recorded interrupted), as they stop
        // wb run; installed before the store is opened, so once its lock file exists a signal is ours.
        using var signals = TerminationSignals.Listen(cancellationToken);
        using var recording = MapRecording.Open(parse);
        var started = MapRunRecords.Start(mapJob, values.Length, source.Current().Count, DateTimeOffset.UtcNow);
        recording.Started(started);
        var progress = MapProgressLine.ForTerminal();
        MapResult result;
        try
        {
            result = await new MapScheduler().RunAsync(mapJob, values, source, progress, signals.Token);
        }
        catch (OperationCanceledException)
        {
            progress?.Clear();
            recording.Finished(MapRunRecords.End(started, RunStatus.Interrupted, "interrupted", DateTimeOffset.UtcNow));
            Console.Error.WriteLine("wb: map interrupted");
            return signals.ExitCode;
        }

        progress?.Clear();
        recording.Finished(MapRunRecords.Complete(started, result, DateTimeOffset.UtcNow));
        var id = recording.Records ? started.Id : null;
        if (request.OutFile is { } file)
        {
            using var stream = File.Create(file);
            MapOutputs.WriteLines(stream, result.Jobs);
        }

        if (request.Json)
        {
            MapReport.WriteJson(Console.OpenStandardOutput(), id, mapJob, result, includeOutputs: request.OutFile is null);
        }
        else
        {
            Console.Out.Write(MapReport.ToText(id, mapJob, result, request.OutFile));
        }

        if (!result.Succeeded)
        {
            Console.Error.WriteLine($"wb: {MapReport.FailureLine(result)}");
            return ExitCodes.Failed;
        }

        return ExitCodes.Ok;
    }

    private sealed record MapRequest(string JobId, Dictionary<string, string> Options, int? Slots, string? OutFile, bool Json);
}
