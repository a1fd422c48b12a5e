using Workbench.Contracts;

[assembly: WorkbenchPlugin("montecarlo", WorkbenchContract.Version, Description = "Monte Carlo estimates as parallel tasks: pi from points in the unit square.")]
