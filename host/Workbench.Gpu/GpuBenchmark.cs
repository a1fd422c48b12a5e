using System.Diagnostics;
using System.Runtime.InteropServices;
using ILGPU;
using ILGPU.Runtime;
using Workbench.Contracts.Problems;
using Workbench.Contracts.Randomness;
using Workbench.Contracts.Tasks;
using Workbench.Gpu.Contracts;
using Workbench.Engine.Statistics;

namespace Workbench.Gpu;

/// <summary>Batch evaluation on one device: evaluations/s with transfers (points in, fitness out, as a run pays)
/// and kernel only (data resident), and the bandwidth each implies: a d-D double point is 8d bytes in, 8 out.</summary>
public sealed record BatchBenchRow(string Device, string Problem, int Dimension, long Batch, double WithTransfers, double KernelOnly,
    double BytesPerEvaluation, double? PeakBandwidth, string? Skipped = null);

/// <summary>Stencil steps on one device: cell updates/s; at least 16 bytes move per update (one read, one write,
/// neighbours from cache), the figure set against the card's bandwidth.</summary>
public sealed record StencilBenchRow(string Device, string Task, int Grid, int Steps, double CellUpdatesPerSecond, double? PeakBandwidth, string? Skipped = null);

/// <summary><c>wb bench gpu</c>: medians of <c>reps</c> timed repetitions after one warm-up (which also compiles).</summary>
public static class GpuBenchmark
{
    public static BatchBenchRow Batch(GpuRuntime runtime, GpuDeviceInfo device, IProblem problem, long batch, int reps)
    {
        var d = problem.Dimension;
        var bytes = 8.0 * (d + 1);
        var row = new BatchBenchRow(device.Label, problem.Id, d, batch, 0, 0, bytes, device.PeakBandwidth);
        if (batch * bytes > 0.8 * device.MemoryBytes || batch * d > Array.MaxLength)
        {
            return row with { Skipped = "does not fit" };
        }

        var gpu = GpuEvaluator.KernelOf(problem) ?? throw new ArgumentException($"problem '{problem.Id}' offers no GPU kernel", nameof(problem));
        var accelerator = runtime.Accelerator(device);
        var points = RandomPoints(problem, batch);
        var fitness = new double[batch];
        var kernel = gpu.Accept(new BatchKernelCompiler(accelerator));
        var constants = gpu.GpuConstants.Length == 0 ? new double[1] : gpu.GpuConstants.ToArray();
        using var constantBuffer = accelerator.Allocate1D(constants);
        using var pointBuffer = accelerator.Allocate1D<double>(batch * d);
        using var fitnessBuffer = accelerator.Allocate1D<double>(batch);
        var n = checked((int)batch);

        void Launch() => kernel.Launch(n, pointBuffer.View, fitnessBuffer.View, constantBuffer.View, d);

        var withTransfers = Median(reps, () =>
        {
            pointBuffer.View.CopyFromCPU(ref MemoryMarshal.GetArrayDataReference(points), points.LongLength);
            Launch();
            fitnessBuffer.View.CopyToCPU(ref MemoryMarshal.GetArrayDataReference(fitness), fitness.LongLength);
        });
        var kernelOnly = Median(reps, () =>
        {
            Launch();
            accelerator.Synchronize();
        });
        return row with { WithTransfers = batch / withTransfers, KernelOnly = batch / kernelOnly };
    }

    public static StencilBenchRow Stencil(GpuRuntime runtime, GpuDeviceInfo device, IParallelTaskFactory task, int grid, int steps, int reps)
    {
        var row = new StencilBenchRow(device.Label, task.Id, grid, steps, 0, device.PeakBandwidth);
        if (2.0 * 8 * grid * grid > 0.8 * device.MemoryBytes)
        {
            return row with { Skipped = "does not fit" };
        }

        if (!HeatOnGpu.IsHeat(task))
        {
            throw new ArgumentException($"task '{task.Id}' offers no GPU stencil", nameof(task));
        }

        // The initial field is built on the host without the plugin's baseline (a 16384² CPU step would take long);
        // any smooth field measures the same speed.
        var field = new double[(long)grid * grid];
        for (var c = 1; c < grid - 1; c++)
        {
            for (var r = 1; r < grid - 1; r++)
            {
                field[((long)c * grid) + r] = Math.Sin(Math.PI * c / (grid - 1)) * Math.Sin(Math.PI * r / (grid - 1));
            }
        }

        using var stencil = new GpuStencil(runtime.Accelerator(device), (IGpuStencilSource)task, grid);
        stencil.Upload(field);
        var coefficient = HeatOnGpu.Step(grid).Coefficient;
        var seconds = Median(reps, () =>
        {
            stencil.Step(steps, coefficient);
            stencil.Synchronize();
        });
        return row with { CellUpdatesPerSecond = (double)(grid - 2) * (grid - 2) * steps / seconds };
    }

    private static double[] RandomPoints(IProblem problem, long batch)
    {
        var d = problem.Dimension;
        var points = new double[batch * d];
        Parallel.For(0, Environment.ProcessorCount, part =>
        {
            var random = new RandomStream(Seeds.Derive(42, (ulong)part));
            var start = points.LongLength * part / Environment.ProcessorCount;
            var end = points.LongLength * (part + 1) / Environment.ProcessorCount;
            for (var i = start; i < end; i++)
            {
                points[i] = random.NextDouble(problem.Bounds.Lower[(int)(i % d)], problem.Bounds.Upper[(int)(i % d)]);
            }
        });
        return points;
    }

    /// <summary>Median seconds of <paramref name="reps"/> runs after one untimed warm-up.</summary>
    private static double Median(int reps, Action action)
    {
        action();
        var times = new double[Math.Max(1, reps)];
        for (var i = 0; i < times.Length; i++)
        {
            var start = Stopwatch.GetTimestamp();
            action();
            times[i] = Stopwatch.GetElapsedTime(start).TotalSeconds;
        }

        return Quantiles.Median(times);
    }
}
