using ILGPU.Runtime;
using Workbench.Gpu;
using Workbench.Gpu.Contracts;
using Xunit;

namespace Workbench.Bbob.Tests;

/// <summary>The bbob kernels on ILGPU's CPU accelerator against the CPU path (CI has no GPU; on a GPU machine
/// <c>wb gpu selftest</c> runs the same comparison).</summary>
public sealed class GpuKernelTests : IDisposable
{
    private readonly GpuRuntime _runtime = new();
    private readonly Accelerator _accelerator;

    public GpuKernelTests() => _accelerator = _runtime.Accelerator(_runtime.Simulator);

    public static TheoryData<int> WithKernels => [1, 5, 8];

    [Theory]
    [MemberData(nameof(WithKernels))]
    public async Task Kernel_agrees_with_the_cpu_within_1e_12_relative(int function)
    {
        foreach (var (dimension, instance) in new[] { (2, 1), (3, 5), (10, 15), (40, 2) })
        {
            var problem = ReferenceData.Create(function, dimension, instance);
            Assert.IsAssignableFrom<IGpuProblem>(problem);
            const int count = 129;
            var random = new Random(dimension * 31 + instance);
            var points = new double[count * dimension];
            for (var i = 0; i < points.Length; i++)
            {
                // Some coordinates on the bounds, where f5's boundary case switches.
                points[i] = i % 17 == 0 ? 5.0 * Math.Sign(random.NextDouble() - 0.5) : -5.0 + 10.0 * random.NextDouble();
            }

            problem.Optimum!.Point!.ToArray().CopyTo(points, 0);
            var expected = new double[count];
            problem.Evaluate(points, expected);
            var actual = new double[count];
            using (var evaluator = new GpuEvaluator(_accelerator, problem, "simulator"))
            {
                await evaluator.EvaluateAsync(points, actual, CancellationToken.None);
            }

            for (var i = 0; i < count; i++)
            {
                Assert.True(ReferenceData.Error(actual[i], expected[i]) <= 1e-12, $"f{function} d={dimension} i={instance} point {i}: cpu {expected[i]:R}, gpu {actual[i]:R}");
            }
        }
    }

    [Fact]
    public void Functions_with_transcendental_transformations_offer_no_kernel()
    {
        var offered = Enumerable.Range(1, 24).Where(f => ReferenceData.Create(f, 4, 1) is IGpuProblem);
        Assert.Equal([1, 5, 8], offered);
    }

    public void Dispose() => _runtime.Dispose();
}
