using System.Diagnostics;
using System.Reflection;

namespace Workbench.Gpu.Tests;

/// <summary>The built <c>wb</c>, run as a process: the GPU choices as a user meets them on a machine without a GPU.</summary>
[Trait("kind", "process")]
public sealed class CliTests
{
    private static readonly string WbDll = typeof(CliTests).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "WbDll").Value!;

    [Fact]
    public void Device_gpu_without_a_gpu_exits_2_naming_what_ilgpu_sees()
    {
        using var probe = new GpuRuntime();
        if (probe.BestGpu is not null)
        {
            return; // A machine with a GPU: the premise does not hold (xunit 2 has no dynamic skip).
        }

        var (code, stdout, stderr) = Wb("run", "-a", "cmaes", "-p", "sphere", "-d", "3", "--seed", "1", "--device", "gpu");
        Assert.Equal(2, code);
        Assert.Equal("", stdout);
        Assert.StartsWith("wb: --device gpu: no GPU found: ILGPU sees only CPUAccelerator (cpu simulator)", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Auto_runs_on_the_cpu_and_says_so_in_the_summary()
    {
        var (code, stdout, _) = Wb("run", "-a", "cmaes", "-p", "sphere", "-d", "3", "--seed", "1", "--max-evals", "300", "--workers", "1", "--json");
        Assert.Equal(0, code);
        Assert.Contains("\"device\": \"cpu\"", stdout, StringComparison.Ordinal);
        Assert.Contains("\"evaluator\": \"serial\"", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Devices_lists_the_cpu_accelerator_as_a_simulator()
    {
        var (code, stdout, _) = Wb("devices");
        Assert.Equal(0, code);
        Assert.Contains("cpu (simulator)", stdout, StringComparison.Ordinal);
    }

    private static (int Code, string Stdout, string Stderr) Wb(params string[] args)
    {
        Assert.True(File.Exists(WbDll), $"wb was not built at {WbDll}");
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(WbDll);
        start.Environment["WORKBENCH_DB"] = Path.Combine(Directory.CreateTempSubdirectory("wb-db-").FullName, "runs.db");
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEnd();
        Assert.True(process.WaitForExit(60_000), "wb did not finish within 60 s");
        return (process.ExitCode, stdout.Result, stderr);
    }
}
