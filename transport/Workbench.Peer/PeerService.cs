using System.Diagnostics;
using Grpc.Core;
using Microsoft.Extensions.Logging;
using Workbench.Contracts;
using Workbench.Contracts.Jobs;
using Workbench.Contracts.Tasks;
using Workbench.Engine;
using Workbench.Engine.Specs;
using ComponentSpec = Workbench.Engine.Specs.ComponentSpec;
using Workbench.Transport;
using Workbench.Transport.Protocol;
using Workbench.Transport.Security;

namespace Workbench.Peer;

/// <summary>The peer's gRPC service: information, slots, evaluation, code shipping and jobs. Every call has
/// already passed the signature check (<see cref="SigningServerInterceptor"/>) when it gets here.</summary>
internal sealed partial class PeerService(PeerState state, IPluginShelf shelf, FunctionShelf functions, ProblemPool pool, IslandShelf islands, ILogger<PeerService> log) : Transport.Protocol.Peer.PeerBase
{
    public override Task<PeerInfo> Hello(HelloRequest request, ServerCallContext context)
    {
        Admit(context, work: false);
        return Task.FromResult(state.Info());
    }

    public override Task<PingReply> Ping(PingRequest request, ServerCallContext context) => Task.FromResult(new PingReply());

    public override Task<PeerInfo> SetSlots(SetSlotsRequest request, ServerCallContext context)
    {
        Admit(context, work: false);
        if (request.CpuSlots < 0)
        {
            throw new RpcException(new Status(StatusCode.InvalidArgument, $"cpu slots must be at least 0, got {request.CpuSlots}"));
        }

        state.SetSlots(request.CpuSlots);
        return Task.FromResult(state.Info());
    }

    public override async Task<EvaluateReply> Evaluate(EvaluateRequest request, ServerCallContext context)
    {
        Admit(context, work: true);
        var spec = Parse(() => Wire.FromWire(request.Problem));
        var points = request.Points.ToArray();
        var count = spec.Dimension > 0 ? points.Length / spec.Dimension : 0;
        if (count == 0 || count * spec.Dimension != points.Length)
        {
            throw new RpcException(new Status(StatusCode.InvalidArgument, $"{points.Length} values are not whole points of dimension {spec.Dimension}"));
        }

        using var slot = await state.Slots.AcquireAsync(context.CancellationToken).ConfigureAwait(false);
        var started = Stopwatch.GetTimestamp();
        var problem = Attributed(() => pool.Rent(spec), spec.Component);
        var fitness = new double[count];
        try
        {
            Attributed(() => problem.Evaluate(points, fitness), spec.Component);
        }
        finally
        {
            pool.Return(spec, problem);
        }

        var reply = new EvaluateReply { Seconds = Stopwatch.GetElapsedTime(started).TotalSeconds };
        reply.Fitness.AddRange(fitness);
        return reply;
    }

    public override Task<InstallPluginReply> InstallPlugin(InstallPluginRequest request, ServerCallContext context)
    {
        Admit(context, work: false);
        if (!state.Options.CodeShipping)
        {
            throw new RpcException(new Status(StatusCode.PermissionDenied, $"peer {state.Options.Name} runs with --no-code-shipping and uses only its own plugins"));
        }

        if (request.Function ? functions.Holds(request.FolderSha256) : shelf.Holds(request.FolderSha256))
        {
            return Task.FromResult(new InstallPluginReply { AlreadyHeld = true });
        }

        try
        {
            var files = request.Files.Select(f => (f.Path, (ReadOnlyMemory<byte>)f.Content.Memory)).ToArray();
            if (request.Function)
            {
                functions.Install(request.FolderName, request.FolderSha256, files);
            }
            else
            {
                shelf.Install(request.FolderName, request.FolderSha256, files);
            }
        }
        catch (ShippedPluginException e)
        {
            throw new RpcException(new Status(StatusCode.InvalidArgument, e.Message));
        }

        PeerLog.Installed(log, request.FolderName, request.FolderSha256);
        return Task.FromResult(new InstallPluginReply());
    }

    public override async Task<RunJobsReply> RunJobs(RunJobsRequest request, ServerCallContext context)
    {
        Admit(context, work: true);
        var spec = Parse(() => Wire.FromWire(request.Job));
        using var slot = await state.Slots.AcquireAsync(context.CancellationToken).ConfigureAwait(false);
        var job = Attributed(() => pool.Job(spec), spec);
        // A thread of its own, as local map slots have: jobs may block for seconds (a model waiting on I/O, the
        // sleep yardstick), and a blocked pool thread per slot would starve the server of threads.
        var reply = await Task.Factory.StartNew(() => RunAll(job, request, context.CancellationToken), context.CancellationToken,
            TaskCreationOptions.LongRunning, TaskScheduler.Default).ConfigureAwait(false);
        return reply;
    }

    private static RunJobsReply RunAll(IJob job, RunJobsRequest request, CancellationToken cancellationToken)
    {
        var reply = new RunJobsReply();
        foreach (var input in request.Inputs)
        {
            var started = Stopwatch.GetTimestamp();
            var output = new JobOutput { Index = input.Index };
            try
            {
                var value = job.Run(TaskValueCodec.Decode(input.Value.Span), cancellationToken)
                    ?? throw new InvalidOperationException("the job returned null");
                output.Value = Google.Protobuf.UnsafeByteOperations.UnsafeWrap(TaskValueCodec.Encode(value));
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                throw;
            }
            catch (Exception e)
            {
                // The job's own failure is an answer, not a lost slot: it is reported with its index, never retried.
                output.Error = $"{e.GetType().Name}: {e.Message}";
            }

            output.Seconds = Stopwatch.GetElapsedTime(started).TotalSeconds;
            reply.Outputs.Add(output);
        }

        return reply;
    }

    /// <summary>Checks the contract version, notes the session and, for work, refuses it while draining.</summary>
    private void Admit(ServerCallContext context, bool work)
    {
        state.NoteSession(CallHeaders.Get(context, SigningClientInterceptor.ClientHeader), context, context.Method);
        var contract = CallHeaders.Get(context, ProtocolHeaders.Contract);
        if (contract is not null && contract != WorkbenchContract.Version.ToString(System.Globalization.CultureInfo.InvariantCulture))
        {
            throw new RpcException(new Status(StatusCode.FailedPrecondition,
                $"contract version mismatch: the client has contract {contract}, peer {state.Options.Name} has contract {WorkbenchContract.Version}"));
        }

        if (work && state.Draining)
        {
            throw new RpcException(new Status(StatusCode.Unavailable, $"peer {state.Options.Name} is shutting down"));
        }
    }

    private static T Parse<T>(Func<T> parse)
    {
        try
        {
            return parse();
        }
        catch (Exception e) when (e is FormatException or ArgumentException or NullReferenceException)
        {
            throw new RpcException(new Status(StatusCode.InvalidArgument, $"malformed request: {e.Message}"));
        }
    }

    /// <summary>Maps the Engine's errors to statuses the client acts on: a missing plugin is shipped, a plugin
    /// failure fails the run, a bad spec is a setup error.</summary>
    private T Attributed<T>(Func<T> call, ComponentSpec component)
    {
        try
        {
            return call();
        }
        catch (RunSetupException e) when (component.IsPortable && !(component.Kind == Transport.Functions.FunctionBundles.Kind ? functions.Holds(component.FolderSha256) : shelf.Holds(component.FolderSha256)))
        {
            throw new RpcException(new Status(StatusCode.FailedPrecondition, $"peer {state.Options.Name}: {e.Message}"),
                new Metadata { { ProtocolHeaders.MissingPlugin, component.FolderSha256 } });
        }
        catch (RunSetupException e)
        {
            throw new RpcException(new Status(StatusCode.FailedPrecondition, $"peer {state.Options.Name}: {e.Message}"));
        }
        catch (PluginFailureException e)
        {
            // Aborted means the plugin itself failed: the client fails the run rather than retry elsewhere.
            throw new RpcException(new Status(StatusCode.Aborted, $"peer {state.Options.Name}: {e.Message}"));
        }
    }

    private void Attributed(Action call, ComponentSpec component) => Attributed(() =>
    {
        call();
        return 0;
    }, component);
}
