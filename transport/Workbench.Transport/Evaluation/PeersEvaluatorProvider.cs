using Workbench.Engine;
using Workbench.Engine.Evaluation;
using Workbench.Engine.Islands;
using Workbench.Engine.Running;
using Workbench.Engine.Specs;
using Workbench.Transport.Client;
using Workbench.Transport.Islands;
using Workbench.Transport.Security;

namespace Workbench.Transport.Evaluation;

/// <summary>Adds peers to the provider it wraps: a run that names peers gets a <see cref="PeersEvaluator"/> whose
/// local slots are this machine's cores, or an <see cref="IslandsEvaluator"/> when it places islands on slots; any
/// other run is the inner provider's.</summary>
public sealed class PeersEvaluatorProvider(IEvaluatorProvider local, Func<ClusterCredentials> credentials, IPluginFolderSource folders, Action<string>? warn = null)
    : IEvaluatorProvider, IIslandEvaluatorProvider
{
    public IEvaluator Create(ProblemGuard problem, EvaluationSettings settings)
    {
        if (settings.Peers.Count == 0)
        {
            return local.Create(problem, settings);
        }

        return WithCluster(settings, cluster => new PeersEvaluator(problem, cluster, new PluginShipper(folders), Settings(settings)));
    }

    public IEvaluator CreateForIslands(ProblemGuard problem, EvaluationSettings settings, IslandLayout layout) =>
        WithCluster(settings, cluster => new IslandsEvaluator(problem, layout, cluster, new PluginShipper(folders), Settings(settings)));

    private PeersEvaluatorSettings Settings(EvaluationSettings settings) => new()
    {
        UseLocal = settings.UseLocal,
        LocalWorkers = settings.Workers,
        OnPeerLoss = settings.OnPeerLoss,
        Warn = warn,
    };

    /// <summary>Checks the settings, probes the peers and builds the evaluator over them; the cluster is the
    /// evaluator's from then on, or disposed if building fails.</summary>
    private IEvaluator WithCluster(EvaluationSettings settings, Func<PeerCluster, IEvaluator> create)
    {
        if (settings.Workers < 1)
        {
            throw new RunSetupException("workers", $"workers must be at least 1, got {settings.Workers}");
        }

        if (settings.Device == DeviceChoice.Gpu)
        {
            throw new RunSetupException("device", "device gpu cannot be combined with peers: peers evaluate on their CPU slots");
        }

        var cluster = PeerCluster.Open(settings.Peers, credentials);
        try
        {
            if (cluster.Up.Count == 0 && settings.OnPeerLoss == PeerLossPolicy.Fail)
            {
                var reasons = string.Join("; ", cluster.Peers.Select(p => $"{p.Address}: {cluster.ReasonOf(p)}"));
                throw new RunSetupException("peers", $"peers: none answers ({reasons})");
            }

            return create(cluster);
        }
        catch
        {
            cluster.Dispose();
            throw;
        }
    }
}
