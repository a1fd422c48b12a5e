using Workbench.Contracts;

[assembly: WorkbenchPlugin("jobs", WorkbenchContract.Version, Description = "Independent jobs for wb map: sleep (the scheduler's yardstick), lif (a spiking network simulation), zero (scheduling overhead).")]
