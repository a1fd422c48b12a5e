using Workbench.Engine.Running;

namespace Workbench.Engine.Experiments;

/// <summary>The Playdoh paper's optimisation experiments (Rossant et al. 2011, Figure 4C and 4D).</summary>
public static class PaperExperiments
{
    public const string RosenbrockId = "paper-rosenbrock";
    public const string SchwefelId = "paper-schwefel";

    public static IReadOnlyList<ExperimentDefinition> All => [Rosenbrock(), Schwefel()];

    public static ExperimentDefinition? Find(string id) =>
        All.FirstOrDefault(e => string.Equals(e.Id, id, StringComparison.OrdinalIgnoreCase));

    /// <summary>Figure 4C: PSO (80 particles) and CMA-ES (λ = 80), 150 iterations each, on Rosenbrock 5-D over
    /// [-2.2, 2.2]. Success: final best below 1e-3.</summary>
    public static ExperimentDefinition Rosenbrock()
    {
        RunRequest Template(string algorithm, params (string Option, string Value)[] options) => new()
        {
            AlgorithmId = algorithm,
            AlgorithmOptions = options.ToDictionary(o => o.Option, o => o.Value),
            ProblemId = "rosenbrock",
            Dimension = 5,
            Bounds = (-2.2, 2.2),
            Seed = 0,
            Stop = new StopCriteria { MaxIterations = 150 },
        };

        return new ExperimentDefinition(RosenbrockId, "Rosenbrock 5-D on [-2.2, 2.2], 80 x 150 evaluations (Playdoh Fig. 4C)", 1e-3,
        [
            new("PSO, 80 particles", Template("pso", ("swarm-size", "80"))),
            // The paper's CMA-ES runs once, without restarts (ours restarts by default, IPOP, chosen on a suite):
            // with restarts its stopping rule on flat f-ranges ends the run near 1e-12 and restarts it.
            new("CMA-ES, lambda 80", Template("cmaes", ("lambda", "80"), ("restarts", "none"))),
        ]);
    }

    /// <summary>Figure 4D: a GA of 4 islands of 1000 on Schwefel 10-D, ring migration every 20 generations, 2000
    /// generations; for an honest comparison also one population of 4000 (the same evaluation budget) and one of
    /// 1000 (a quarter of it). Success: final best below 1e-4. References: pagmo's C++ archipelago and sga.</summary>
    public static ExperimentDefinition Schwefel()
    {
        RunRequest Template(int population, IslandSettings? islands) => new()
        {
            AlgorithmId = "ga",
            AlgorithmOptions = new Dictionary<string, string> { ["population"] = population.ToString(System.Globalization.CultureInfo.InvariantCulture) },
            ProblemId = "schwefel",
            Dimension = 10,
            Seed = 0,
            Stop = new StopCriteria { MaxIterations = 2000 },
            Islands = islands,
        };

        return new ExperimentDefinition(SchwefelId, "GA on Schwefel 10-D, 2000 generations (Playdoh Fig. 4D)", 1e-4,
        [
            new("GA, 4 islands x 1000, ring every 20", Template(1000, new IslandSettings(4, 20, 0.01, MigrationTopology.Ring)), 1.4e-5, "pagmo archipelago (C++)"),
            new("GA, 1 population x 4000 (same budget)", Template(4000, null)),
            new("GA, 1 population x 1000", Template(1000, null), 2e-4, "pagmo sga (C++)"),
        ]);
    }
}
