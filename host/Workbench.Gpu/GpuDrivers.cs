using System.Runtime.InteropServices;

namespace Workbench.Gpu;

/// <summary>Whether a GPU driver that ILGPU could use is installed, answered without starting ILGPU.</summary>
/// <remarks>Why: creating an ILGPU context costs about 0.1 s, a third of a tiny run, and on a machine without a
/// CUDA or OpenCL driver it can only ever find the CPU simulator. Asking the dynamic loader for the libraries
/// ILGPU binds (<c>cuda</c>, <c>OpenCL</c>, probed as its own imports are) takes a millisecond. An OpenCL loader
/// alone is no driver: it finds platforms only through the vendor files of installed drivers (ocl-icd and
/// Khronos' loader read <c>/etc/OpenCL/vendors</c>, or <c>OCL_ICD_VENDORS</c> / <c>OCL_ICD_FILENAMES</c>). The answer errs towards "maybe":
/// versioned library names count too, and on platforms other than Linux the full probe always runs.</remarks>
public static class GpuDrivers
{
    private const string OpenClVendors = "/etc/OpenCL/vendors";

    private static readonly Lazy<bool> Present = new(Probe);

    /// <summary>False only when no CUDA driver library loads and no OpenCL driver is registered, so ILGPU could
    /// find no GPU here.</summary>
    public static bool MayBePresent => Present.Value;

    private static bool Probe()
    {
        if (!OperatingSystem.IsLinux())
        {
            return true;
        }

        return Loads("cuda", "libcuda.so.1") || (Loads("OpenCL", "libOpenCL.so.1") && OpenClDriverRegistered());
    }

    private static bool Loads(params string[] names)
    {
        var ilgpu = typeof(ILGPU.Context).Assembly;
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

    private static bool OpenClDriverRegistered() =>
        !string.IsNullOrEmpty(Environment.GetEnvironmentVariable("OCL_ICD_VENDORS"))
        || !string.IsNullOrEmpty(Environment.GetEnvironmentVariable("OCL_ICD_FILENAMES"))
        || (Directory.Exists(OpenClVendors) && Directory.EnumerateFiles(OpenClVendors, "*.icd").Any());
}
