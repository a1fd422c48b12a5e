using System.Runtime.InteropServices;

namespace Workbench.Gpu;

/// <summary>Whether a GPU driver library that ILGPU could use is installed, answered without starting ILGPU.</summary>
/// <remarks>Why: creating an ILGPU context costs about 0.1 s, a third of a tiny run, and on a machine without a
/// CUDA or OpenCL driver it can only ever find the CPU simulator. Asking the dynamic loader for the libraries
/// ILGPU binds (<c>cuda</c>, <c>OpenCL</c>, probed as its own imports are) takes microseconds. The answer errs
/// towards "maybe": the versioned names count too, and on platforms other than Linux the full probe always runs.</remarks>
public static class GpuDrivers
{
    private static readonly Lazy<bool> Present = new(Probe);

    /// <summary>False only when no CUDA or OpenCL driver library loads here, so no GPU can be found.</summary>
    public static bool MayBePresent => Present.Value;

    private static bool Probe()
    {
        if (!OperatingSystem.IsLinux())
        {
            return true;
        }

        var ilgpu = typeof(ILGPU.Context).Assembly;
        string[] names = ["cuda", "libcuda.so.1", "OpenCL", "libOpenCL.so.1"];
        foreach (var name in names)
        {
            if (NativeLibrary.TryLoad(name, ilgpu, null, out var handle))
            {
                NativeLibrary.Free(handle);
                return true;
            }
        }

        return false;
    }
}
