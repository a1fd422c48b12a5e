using Workbench.Contracts;

[assembly: WorkbenchPlugin("heat", WorkbenchContract.Version, Description = "The 2-D heat equation on [-1,1]^2, split into vertical bands that exchange ghost columns through tubes.")]
