using Grpc.Core;
using Workbench.Contracts.Optimizers;
using Workbench.Engine;
using Workbench.Engine.Islands;
using Workbench.Engine.Specs;
using Workbench.Transport;
using Workbench.Transport.Protocol;

namespace Workbench.Peer;

/// <summary>Islands on this peer: each call brings the island up to the run's copy (a replay when it is new here,
/// else the last migration) and runs the generations asked for, on one slot, streaming each one's fitness.</summary>
internal sealed partial class PeerService
{
    public override async Task RunIsland(IslandRequest request, IServerStreamWriter<IslandGeneration> responseStream, ServerCallContext context)
    {
        Admit(context, work: true);
        if (request.Generations < 0 || string.IsNullOrEmpty(request.Key))
        {
            throw new RpcException(new Status(StatusCode.InvalidArgument, $"malformed island request: key '{request.Key}', {request.Generations} generations"));
        }

        var island = request.Setup is { } setup ? Build(request.Key, setup) : islands.Find(request.Key);
        if (island is null)
        {
            throw MissingIsland($"peer {state.Options.Name} does not hold island {request.Key}");
        }

        using var slot = await state.Slots.AcquireAsync(context.CancellationToken).ConfigureAwait(false);
        var cancellation = context.CancellationToken;
        // A thread of its own, as jobs have: the island's evaluations may block for as long as the model takes.
        await Task.Factory.StartNew(() => Run(island, request, responseStream, cancellation), cancellation,
            TaskCreationOptions.LongRunning, TaskScheduler.Default).ConfigureAwait(false);
    }

    public override Task<ReleaseIslandsReply> ReleaseIslands(ReleaseIslandsRequest request, ServerCallContext context)
    {
        Admit(context, work: false);
        islands.Release(request.Keys);
        return Task.FromResult(new ReleaseIslandsReply());
    }

    private void Run(HeldIsland island, IslandRequest request, IServerStreamWriter<IslandGeneration> stream, CancellationToken cancellationToken)
    {
        lock (island)
        {
            var replica = island.Replica;
            var told = request.Steps.Count(s => s.StepCase == IslandStep.StepOneofCase.Told);
            if (replica.Told + told != request.Told)
            {
                throw MissingIsland($"peer {state.Options.Name} holds island {request.Key} at generation {replica.Told}, not {request.Told - told}");
            }

            Attributed(() => Apply(replica, request.Steps), island.Optimizer);
            for (var g = 0; g < request.Generations && replica.StopReason is null; g++)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var (fitness, hash) = Attributed(replica.RunGeneration, island.Optimizer);
                var message = new IslandGeneration { PointsHash = hash };
                message.Fitness.AddRange(fitness);
                stream.WriteAsync(message, cancellationToken).GetAwaiter().GetResult();
            }
        }
    }

    private static void Apply(IslandReplica replica, IEnumerable<IslandStep> steps)
    {
        foreach (var step in steps)
        {
            switch (step.StepCase)
            {
                case IslandStep.StepOneofCase.Told:
                    replica.Replay(step.Told.Values.ToArray());
                    break;
                case IslandStep.StepOneofCase.CopiedBest:
                    replica.CopyBest(step.CopiedBest);
                    break;
                case IslandStep.StepOneofCase.ReplacedWorst:
                    replica.ReplaceWorst(step.ReplacedWorst.Points.ToArray(), step.ReplacedWorst.Fitness.ToArray());
                    break;
                default:
                    throw new RpcException(new Status(StatusCode.InvalidArgument, "malformed island request: an empty step"));
            }
        }
    }

    /// <summary>Builds the island a setup describes: the problem from its spec, the optimiser from its spec and seed.</summary>
    private HeldIsland Build(string key, IslandSetup setup)
    {
        var problemSpec = Parse(() => Wire.FromWire(setup.Problem));
        var optimizerSpec = Parse(() => Wire.FromWire(setup.Optimizer));
        var problem = Attributed(() => pool.Rent(problemSpec), problemSpec.Component);
        var optimizer = Attributed(() =>
        {
            var (entry, options) = new SpecResolver(new ShelfCatalog(shelf)).Optimizer(optimizerSpec);
            var info = new ProblemInfo(problem.Id, problem.Dimension, problem.Bounds);
            return PluginCall.Create(entry.Origin, $"algorithm '{entry.Factory.Id}'", () => entry.Factory.Create(info, options, setup.Seed));
        }, optimizerSpec);
        return islands.Keep(key, new IslandReplica(optimizer, optimizerSpec.Id, problem), problemSpec, optimizerSpec);
    }

    private static RpcException MissingIsland(string message) =>
        new(new Status(StatusCode.FailedPrecondition, message), new Metadata { { ProtocolHeaders.MissingIsland, "1" } });
}
