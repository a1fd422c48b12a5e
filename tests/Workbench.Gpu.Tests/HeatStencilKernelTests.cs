using Workbench.Problems.HeatEquation;

namespace Workbench.Gpu.Tests;

[Collection(SimulatorCollection.Name)]
public sealed class HeatStencilKernelTests(SimulatorFixture gpu)
{
    [Theory]
    [InlineData(5, 1)]
    [InlineData(33, 4)]
    [InlineData(40, 3)]
    public void Kernel_steps_equal_the_cpu_stencil_within_1e_12(int n, int steps)
    {
        var field = new double[n * n];
        for (var c = 0; c < n; c++)
        {
            HeatStencil.Initial(field.AsSpan(c * n, n), c, n, sigma: 0.2);
        }

        var dx = 2.0 / (n - 1);
        var k = 0.8 * (dx * dx / 4) / (dx * dx);
        var expected = CpuSteps(field, n, steps, k);

        using var stencil = new GpuStencil(gpu.Accelerator, new HeatTaskFactory(), n);
        stencil.Upload(field);
        stencil.Step(steps, k);
        stencil.Synchronize();
        var actual = new double[n * n];
        stencil.Download(actual);

        for (var i = 0; i < actual.Length; i++)
        {
            Assert.True(Math.Abs(expected[i] - actual[i]) <= 1e-12 * Math.Max(1, Math.Abs(expected[i])), $"cell {i}: cpu {expected[i]:R}, gpu {actual[i]:R}");
        }

        Assert.Contains(actual, v => v != 0);
    }

    private static double[] CpuSteps(double[] initial, int n, int steps, double k)
    {
        var current = (double[])initial.Clone();
        var next = (double[])initial.Clone();
        for (var s = 0; s < steps; s++)
        {
            for (var c = 1; c < n - 1; c++)
            {
                HeatStencil.Column(current.AsSpan((c - 1) * n, n), current.AsSpan(c * n, n), current.AsSpan((c + 1) * n, n), next.AsSpan(c * n, n), k);
            }

            (current, next) = (next, current);
        }

        return current;
    }
}
