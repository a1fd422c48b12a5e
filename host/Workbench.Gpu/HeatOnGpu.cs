using System.Globalization;
using Workbench.Contracts.Tasks;
using Workbench.Gpu.Contracts;

namespace Workbench.Gpu;

/// <summary>The heat task's terms, for the self-test and the benchmark: options <c>grid</c>, <c>dt</c> and
/// <c>steps</c> on [-1,1]², so dx = 2/(grid−1) and the kernel coefficient is dt/dx², computed exactly as the
/// plugin does. The CPU reference is the plugin's own baseline loop (<see cref="ITaskBenchmarkBaseline"/>).</summary>
internal static class HeatOnGpu
{
    public static bool IsHeat(IParallelTaskFactory factory) =>
        factory is IGpuStencilSource and ITaskBenchmarkBaseline && factory.Options.Descriptors.Any(o => o.Name == "dt");

    /// <summary>0.8 of the explicit scheme's stability limit dx²/4.</summary>
    public static (double Dt, double Coefficient) Step(int grid)
    {
        var dx = 2.0 / (grid - 1);
        var dt = 0.8 * (dx * dx / 4);
        return (dt, dt / (dx * dx));
    }

    /// <summary>The field after <paramref name="steps"/> steps computed on the CPU by the plugin (0: the initial field).</summary>
    public static double[] CpuField(IParallelTaskFactory factory, int grid, int steps)
    {
        var options = factory.Options.Parse(new Dictionary<string, string>
        {
            ["grid"] = grid.ToString(CultureInfo.InvariantCulture),
            ["dt"] = Step(grid).Dt.ToString("R", CultureInfo.InvariantCulture),
            ["steps"] = steps.ToString(CultureInfo.InvariantCulture),
            ["nodes"] = "1",
        });
        return ((ITaskBenchmarkBaseline)factory).RunBaseline(options, seed: 1, CancellationToken.None).AsReals().ToArray();
    }
}
