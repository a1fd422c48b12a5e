using Workbench.Contracts;

[assembly: WorkbenchPlugin(
    "ga",
    WorkbenchContract.Version,
    Description = "Real-coded genetic algorithm: tournament selection, SBX or BLX-alpha crossover, polynomial or Gaussian mutation, elitism",
    Authors = "Workbench contributors")]
