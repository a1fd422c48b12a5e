using System.CommandLine;
using System.Globalization;
using Workbench.Cli.Output;
using Workbench.Gpu;

namespace Workbench.Cli.Commands;

/// <summary><c>wb devices</c>: what ILGPU sees. The CPU accelerator is listed as a simulator: it tests kernels
/// and is never used to evaluate.</summary>
internal static class DevicesCommand
{
    public static Command Create()
    {
        var json = CommonOptions.Json("Print a JSON array of devices");
        var command = new Command("devices", "List the accelerators ILGPU sees (GPUs, and its CPU simulator)") { json };
        command.SetAction(parse =>
        {
            using var runtime = new GpuRuntime();
            if (parse.GetValue(json))
            {
                JsonOutput.Write(runtime.Devices);
                return ExitCodes.Ok;
            }

            var c = CultureInfo.InvariantCulture;
            var table = new TextTable("#", "NAME", "KIND", "MEMORY", "WARP", "MPS", "BANDWIDTH");
            foreach (var d in runtime.Devices)
            {
                table.Add(d.Index.ToString(c), d.Name, d.IsSimulator ? "cpu (simulator)" : d.Kind, d.IsSimulator ? "host" : $"{d.MemoryBytes / (1024.0 * 1024 * 1024):F1} GiB",
                    d.WarpSize.ToString(c), d.Multiprocessors.ToString(c), d.PeakBandwidth is { } b ? $"{b / 1e9:F0} GB/s" : "-");
            }

            Console.Out.Write(table.ToString());
            Console.Out.WriteLine(runtime.BestGpu is { } gpu
                ? $"--device gpu and auto use {gpu.Label}"
                : "no GPU: --device gpu is refused and auto evaluates on the CPU (the simulator only tests kernels)");
            return ExitCodes.Ok;
        });
        return command;
    }
}
