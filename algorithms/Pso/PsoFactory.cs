using Workbench.Contracts.Optimizers;

namespace Workbench.Algorithms.Pso;

public sealed class PsoFactory : OptimizerFactory<PsoOptions>
{
    public override string Id => "pso";

    public override string Description =>
        "Particle swarm optimisation (Clerc-Kennedy constriction or SPSO-2011) with gbest or ring topology, velocity clamping and bounds confinement";

    protected override IOptimizer Create(ProblemInfo problem, PsoOptions options, ulong seed) => new ParticleSwarm(problem, options, seed);

    /// <summary>Positions, velocities and personal bests of every particle (3 × swarm × n), and their fitness.</summary>
    protected override long? EstimateBytes(int dimension, PsoOptions options) =>
        8L * options.SwarmSize * ((3L * dimension) + 4);
}
