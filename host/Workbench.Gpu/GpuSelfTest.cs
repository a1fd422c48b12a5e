using Workbench.Contracts.Options;
using Workbench.Contracts.Problems;
using Workbench.Contracts.Randomness;
using Workbench.Contracts.Tasks;
using Workbench.Gpu.Contracts;

namespace Workbench.Gpu;

/// <summary>One kernel checked on one device.</summary>
public sealed record SelfTestResult(string Device, string Kernel, long Values, double MaxRelativeError, bool Passed, string? Error);

/// <summary>The kernel-agreement checks of the test suite, runnable where no <c>dotnet test</c> exists (a GPU
/// machine given only the published <c>wb</c>): every kernel-capable problem and stencil against its CPU path, on
/// every device ILGPU sees, within <see cref="Tolerance"/> relative (scaled by max(1, |cpu value|)).</summary>
public static class GpuSelfTest
{
    public const double Tolerance = 1e-12;

    /// <param name="points">Points per problem on a GPU; the CPU simulator gets at most 512 (it is slow).</param>
    public static IReadOnlyList<SelfTestResult> Run(
        GpuRuntime runtime,
        IEnumerable<IProblemFactory> problems,
        IEnumerable<IParallelTaskFactory> tasks,
        int points = 100_000,
        int dimension = 7)
    {
        var results = new List<SelfTestResult>();
        var problemList = problems.ToList();
        var taskList = tasks.Where(HeatOnGpu.IsHeat).ToList();
        foreach (var device in runtime.Devices)
        {
            var count = device.IsSimulator ? Math.Min(points, 512) : points;
            foreach (var factory in problemList.Where(f => f.Dimensions.Contains(dimension)))
            {
                var problem = factory.Create(OptionSchema.Empty.Defaults, dimension, null);
                if (problem is IGpuProblem)
                {
                    results.Add(Check(device, $"{factory.Id} {dimension}-D", count, () => CompareProblem(runtime, device, problem, count)));
                }
            }

            foreach (var task in taskList)
            {
                var grid = device.IsSimulator ? 48 : 1024;
                results.Add(Check(device, $"{task.Id} stencil {grid}x{grid}, 5 steps", (long)grid * grid, () => CompareStencil(runtime, device, task, grid, 5)));
            }
        }

        return results;
    }

    private static SelfTestResult Check(GpuDeviceInfo device, string kernel, long values, Func<double> maxError)
    {
        try
        {
            var error = maxError();
            return new SelfTestResult(device.Label, kernel, values, error, error <= Tolerance, null);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            return new SelfTestResult(device.Label, kernel, values, double.NaN, false, $"{e.GetType().Name}: {e.Message}");
        }
    }

    private static double CompareProblem(GpuRuntime runtime, GpuDeviceInfo device, IProblem problem, int count)
    {
        var d = problem.Dimension;
        var random = new RandomStream((ulong)(count * 7919 + d));
        var points = new double[count * d];
        for (var i = 0; i < points.Length; i++)
        {
            points[i] = random.NextDouble(problem.Bounds.Lower[i % d], problem.Bounds.Upper[i % d]);
        }

        var expected = new double[count];
        problem.Evaluate(points, expected);
        var actual = new double[count];
        using (var evaluator = new GpuEvaluator(runtime.Accelerator(device), problem, device.Label))
        {
            evaluator.EvaluateAsync(points, actual, CancellationToken.None).AsTask().GetAwaiter().GetResult();
        }

        return MaxRelativeError(expected, actual);
    }

    private static double CompareStencil(GpuRuntime runtime, GpuDeviceInfo device, IParallelTaskFactory task, int grid, int steps)
    {
        var initial = HeatOnGpu.CpuField(task, grid, 0);
        var expected = HeatOnGpu.CpuField(task, grid, steps);
        using var stencil = new GpuStencil(runtime.Accelerator(device), (IGpuStencilSource)task, grid);
        stencil.Upload(initial);
        stencil.Step(steps, HeatOnGpu.Step(grid).Coefficient);
        stencil.Synchronize();
        var actual = new double[initial.Length];
        stencil.Download(actual);
        return MaxRelativeError(expected, actual);
    }

    internal static double MaxRelativeError(ReadOnlySpan<double> expected, ReadOnlySpan<double> actual)
    {
        var max = 0.0;
        for (var i = 0; i < expected.Length; i++)
        {
            var error = Math.Abs(expected[i] - actual[i]) / Math.Max(1, Math.Abs(expected[i]));
            max = double.IsNaN(error) ? double.PositiveInfinity : Math.Max(max, error);
        }

        return max;
    }
}
