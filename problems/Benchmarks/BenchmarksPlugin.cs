using Workbench.Contracts;

[assembly: WorkbenchPlugin(
    "benchmarks",
    WorkbenchContract.Version,
    Description = "Classic test functions of any dimension: sphere, ellipsoid, rosenbrock, rastrigin, schwefel, ackley, griewank.",
    Authors = "Workbench contributors")]
