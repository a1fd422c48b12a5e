using Workbench.Contracts;

[assembly: WorkbenchPlugin(
    "pso",
    WorkbenchContract.Version,
    Description = "Particle swarm optimisation: Clerc-Kennedy constriction or SPSO-2011, gbest or ring topology",
    Authors = "Workbench contributors")]
