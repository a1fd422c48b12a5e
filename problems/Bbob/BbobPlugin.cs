using Workbench.Contracts;

[assembly: WorkbenchPlugin(
    "bbob",
    WorkbenchContract.Version,
    Description = "COCO's noiseless bbob suite: functions f1-f24 with COCO's instances (shifted optimum and value, rotations).",
    Authors = "Workbench contributors")]
