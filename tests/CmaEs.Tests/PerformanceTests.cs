using System.Diagnostics;
using Xunit;
using Xunit.Abstractions;

namespace Workbench.Algorithms.CmaEs.Tests;

[CollectionDefinition(nameof(PerformanceTests), DisableParallelization = true)]
public sealed class PerformanceCollection;

/// <summary>Run alone (not beside the other test classes) so that timings mean something.</summary>
[Collection(nameof(PerformanceTests))]
public sealed class PerformanceTests
{
    private readonly ITestOutputHelper _output;

    public PerformanceTests(ITestOutputHelper output)
    {
        _output = output;
    }

    [Fact]
    public void Ask_and_tell_allocate_nothing_in_steady_state()
    {
        var optimizer = Harness.Create(10, -2.2, 2.2, 1, ("tolfun", "0"), ("tolx", "0"), ("restarts", "none")); // one run: a restart allocates its state anew
        var fitness = new double[10];
        void Step()
        {
            var batch = optimizer.Ask().Span;
            for (var k = 0; k < 10; k++)
            {
                fitness[k] = Harness.Rosenbrock(batch.Slice(k * 10, 10));
            }

            optimizer.Tell(fitness);
        }

        // 700 warm-up steps: past the first stagnation check, whose span sort creates the BCL's shared
        // sort helper once per process.
        for (var i = 0; i < 700; i++)
        {
            Step();
        }

        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 300; i++)
        {
            Step();
        }

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }

    [Fact]
    public void Rosenbrock_10d_to_1e_minus_8_timing()
    {
        // Warm up the JIT: tiered compilation promotes hot methods only after 100 ms without new tier-0
        // work, so warm, pause, warm again; then take the median over seeds 1-10.
        for (var round = 0; round < 2; round++)
        {
            for (var seed = 90UL; seed < 93; seed++)
            {
                Harness.Run(Harness.Create(10, -2.2, 2.2, seed), Harness.Rosenbrock, 1e-8, 100_000);
            }

            Thread.Sleep(300);
        }

        var times = new List<double>();
        var cpu = new List<double>();
        using var process = Process.GetCurrentProcess();
        process.Refresh();
        var cpuStart = process.TotalProcessorTime;
        foreach (var seed in Enumerable.Range(1, 10))
        {
            var optimizer = Harness.Create(10, -2.2, 2.2, (ulong)seed);
            process.Refresh();
            var cpuBefore = process.TotalProcessorTime;
            var watch = Stopwatch.StartNew();
            Harness.Run(optimizer, Harness.Rosenbrock, 1e-8, 100_000);
            times.Add(watch.Elapsed.TotalMilliseconds);
            process.Refresh();
            cpu.Add((process.TotalProcessorTime - cpuBefore).TotalMilliseconds);
        }

        // On a shared machine wall time includes waiting for a core; process CPU time does not. The process
        // clock ticks in 10 ms on Linux, so single-run CPU times are coarse and their mean is the better figure.
        process.Refresh();
        var cpuMean = (process.TotalProcessorTime - cpuStart).TotalMilliseconds / times.Count;
        var median = Harness.Median(times);
        _output.WriteLine($"rosenbrock-10 to 1e-8: wall median {median:F2} ms (min {times.Min():F2}, max {times.Max():F2}); " +
                          $"process CPU median {Harness.Median(cpu):F2} ms, mean {cpuMean:F2} ms");
        // The target (12 ms, Release, idle machine) is reported, not asserted: test machines are shared and
        // tests build in Debug. The assertion only catches a collapse.
        Assert.True(median < 2000, $"median {median} ms");
    }
}
