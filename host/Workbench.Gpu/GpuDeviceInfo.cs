using ILGPU.Runtime;
using ILGPU.Runtime.Cuda;

namespace Workbench.Gpu;

/// <summary>One device ILGPU can see, described for <c>wb devices</c> and for run records.</summary>
/// <param name="Kind"><c>cuda</c>, <c>opencl</c> or <c>cpu</c>.</param>
/// <param name="IsSimulator">True for ILGPU's CPU accelerator: it simulates a GPU on threads to test kernels and
/// is hundreds of times slower than plain parallel loops, so it is never chosen to evaluate anything.</param>
/// <param name="PeakBandwidth">Theoretical memory bandwidth in bytes/s where the driver reports clock and bus
/// width (CUDA), else null.</param>
public sealed record GpuDeviceInfo(
    int Index,
    string Name,
    string Kind,
    bool IsSimulator,
    long MemoryBytes,
    int WarpSize,
    int Multiprocessors,
    int MaxThreadsPerGroup,
    double? PeakBandwidth)
{
    /// <summary>The name with its kind, as recorded with runs: <c>NVIDIA H100 (cuda)</c>.</summary>
    public string Label => $"{Name} ({(IsSimulator ? "cpu simulator" : Kind)})";

    internal static GpuDeviceInfo Of(int index, Device device)
    {
        double? bandwidth = device is CudaDevice cuda && cuda.MemoryClockRate > 0 && cuda.MemoryBusWidth > 0
            // Clock in kHz, double data rate, bus width in bits.
            ? 2.0 * cuda.MemoryClockRate * 1000.0 * cuda.MemoryBusWidth / 8.0
            : null;
        return new GpuDeviceInfo(
            index,
            device.Name,
            device.AcceleratorType switch
            {
                AcceleratorType.Cuda => "cuda",
                AcceleratorType.OpenCL => "opencl",
                _ => "cpu",
            },
            device.AcceleratorType == AcceleratorType.CPU,
            device.MemorySize,
            device.WarpSize,
            device.NumMultiprocessors,
            device.MaxNumThreadsPerGroup,
            bandwidth);
    }
}
