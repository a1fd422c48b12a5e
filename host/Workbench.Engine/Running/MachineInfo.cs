using System.Runtime.InteropServices;
using Microsoft.Extensions.Logging;
using Workbench.Engine.Diagnostics;

namespace Workbench.Engine.Running;

/// <summary>The machine a run ran on, recorded so that timings can be compared fairly later.</summary>
public sealed record MachineInfo(string HostName, string Os, string Cpu, int Cores, string DotNet)
{
    private static readonly Lazy<MachineInfo> CurrentLazy = new(Read);

    public static MachineInfo Current => CurrentLazy.Value;

    private static MachineInfo Read() => new(
        Environment.MachineName,
        RuntimeInformation.OSDescription,
        CpuModel(),
        Environment.ProcessorCount,
        RuntimeInformation.FrameworkDescription);

    private static string CpuModel()
    {
        const string cpuInfo = "/proc/cpuinfo";
        try
        {
            if (File.Exists(cpuInfo))
            {
                var line = File.ReadLines(cpuInfo).FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal));
                if (line is not null)
                {
                    return line[(line.IndexOf(':', StringComparison.Ordinal) + 1)..].Trim();
                }
            }
        }
        catch (IOException e)
        {
            var logger = WorkbenchLog.For("Workbench.Engine.MachineInfo");
            logger.LogDebug(e, "{Path} unreadable; the CPU is named by its architecture", cpuInfo);
            // Unreadable /proc: fall through to the architecture name.
        }

        return RuntimeInformation.ProcessArchitecture.ToString();
    }
}
