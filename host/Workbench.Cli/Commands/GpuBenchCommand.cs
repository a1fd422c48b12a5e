using System.CommandLine;
using System.Globalization;
using Workbench.Cli.Composition;
using Workbench.Cli.Output;
using Workbench.Contracts.Options;
using Workbench.Engine.Catalog;
using Workbench.Engine.Tasks;
using Workbench.Gpu;

namespace Workbench.Cli.Commands;

/// <summary><c>wb bench gpu</c>: Rosenbrock batch evaluation (10^3..10^8 points, with and without transfers) and
/// the heat stencil (4096², 16384²) on every GPU, against the card's memory bandwidth.</summary>
internal static class GpuBenchCommand
{
    public static Command Create()
    {
        var batches = new Option<long[]>("--batches") { Description = "Batch sizes", DefaultValueFactory = _ => [1_000, 10_000, 100_000, 1_000_000, 10_000_000, 100_000_000], AllowMultipleArgumentsPerToken = true };
        var problemId = new Option<string>("--problem", "-p") { Description = "Problem for the batch benchmark", DefaultValueFactory = _ => "rosenbrock" };
        var dimension = new Option<int>("--dim") { Description = "Dimension", DefaultValueFactory = _ => 5 };
        var grids = new Option<int[]>("--grids") { Description = "Heat grid sizes (points per side)", DefaultValueFactory = _ => [4096, 16384], AllowMultipleArgumentsPerToken = true };
        var steps = new Option<int>("--steps") { Description = "Heat steps per repetition", DefaultValueFactory = _ => 100 };
        var reps = new Option<int>("--reps") { Description = "Repetitions (median reported)", DefaultValueFactory = _ => 5 };
        var simulator = new Option<bool>("--simulator") { Description = "Also run on ILGPU's CPU simulator (slow: use tiny sizes; proves the bench works)" };
        var json = CommonOptions.Json("Print one JSON object with both tables");
        var command = new Command("gpu", "GPU throughput: batch evaluations/s and heat-stencil cell updates/s against the memory bandwidth")
        {
            batches, problemId, dimension, grids, steps, reps, simulator, json,
        };
        command.SetAction(parse =>
        {
            using var host = WorkbenchHost.Open(parse);
            var runtime = host.Gpu;
            var devices = parse.GetValue(simulator) ? [.. runtime.Gpus, runtime.Simulator] : runtime.Gpus;
            if (devices.Count == 0)
            {
                throw new UsageException($"no GPU found: ILGPU sees only {runtime.Describe()}; add --simulator to try the bench on the CPU simulator");
            }

            var problem = host.Catalog.Problem(parse.GetValue(problemId)!).Factory.Create(OptionSchema.Empty.Defaults, parse.GetValue(dimension), null);
            var heat = host.Catalog.Task("heat").Factory;
            var batchRows = new List<BatchBenchRow>();
            var stencilRows = new List<StencilBenchRow>();
            foreach (var device in devices)
            {
                foreach (var batch in parse.GetValue(batches) ?? [])
                {
                    Console.Error.Write($"\r{device.Label}: {problem.Id} batch {batch:N0}          ");
                    batchRows.Add(GpuBenchmark.Batch(runtime, device, problem, batch, parse.GetValue(reps)));
                }

                foreach (var grid in parse.GetValue(grids) ?? [])
                {
                    Console.Error.Write($"\r{device.Label}: heat {grid}x{grid}                  ");
                    stencilRows.Add(GpuBenchmark.Stencil(runtime, device, heat, grid, parse.GetValue(steps), parse.GetValue(reps)));
                }
            }

            Console.Error.Write("\r" + new string(' ', 70) + "\r");
            if (parse.GetValue(json))
            {
                JsonOutput.Write(new { batches = batchRows, stencils = stencilRows });
                return ExitCodes.Ok;
            }

            Console.Out.Write(Format(batchRows, stencilRows));
            return ExitCodes.Ok;
        });
        return command;
    }

    private static string Format(List<BatchBenchRow> batchRows, List<StencilBenchRow> stencilRows)
    {
        var c = CultureInfo.InvariantCulture;
        string Gb(double bytesPerSecond) => (bytesPerSecond / 1e9).ToString("F1", c);
        string Peak(double bytesPerSecond, double? peak) => peak is { } p ? (bytesPerSecond / p).ToString("P0", c) : "-";
        var batches = new TextTable("DEVICE", "PROBLEM", "BATCH", "EVALS/S (+TRANSFERS)", "EVALS/S (KERNEL)", "KERNEL GB/S", "OF PEAK");
        foreach (var r in batchRows)
        {
            var bandwidth = r.KernelOnly * r.BytesPerEvaluation;
            batches.Add(r.Device, $"{r.Problem} {r.Dimension}-D", r.Batch.ToString("N0", c),
                r.Skipped ?? r.WithTransfers.ToString("N0", c), r.Skipped ?? r.KernelOnly.ToString("N0", c),
                r.Skipped is null ? Gb(bandwidth) : "-", r.Skipped is null ? Peak(bandwidth, r.PeakBandwidth) : "-");
        }

        var stencils = new TextTable("DEVICE", "TASK", "GRID", "STEPS", "CELL UPDATES/S", "GB/S (16 B/UPDATE)", "OF PEAK");
        foreach (var r in stencilRows)
        {
            var bandwidth = r.CellUpdatesPerSecond * 16;
            stencils.Add(r.Device, r.Task, $"{r.Grid}x{r.Grid}", r.Steps.ToString(c), r.Skipped ?? r.CellUpdatesPerSecond.ToString("N0", c),
                r.Skipped is null ? Gb(bandwidth) : "-", r.Skipped is null ? Peak(bandwidth, r.PeakBandwidth) : "-");
        }

        return batches + Environment.NewLine + stencils
            + $"bytes per evaluation: 8 x (dim + 1) in and out; 'of peak' is against the driver's memory clock x bus width{Environment.NewLine}";
    }
}
