using Workbench.Contracts;

[assembly: WorkbenchPlugin(
    "cmaes",
    WorkbenchContract.Version,
    Description = "Covariance matrix adaptation evolution strategy, (mu/mu_w, lambda)-CMA-ES with IPOP and BIPOP restarts",
    Authors = "Workbench contributors")]
