using Workbench.Cli;

return await WbApp.RunAsync(args);
