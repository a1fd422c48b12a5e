using Workbench.Contracts;

[assembly: WorkbenchPlugin(
    "random",
    WorkbenchContract.Version,
    Description = "Uniform random search over the problem's bounds: the baseline for every other optimiser.",
    Authors = "Workbench contributors")]
