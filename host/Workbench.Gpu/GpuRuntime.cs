using ILGPU;
using ILGPU.Algorithms;
using ILGPU.Runtime;

namespace Workbench.Gpu;

/// <summary>Owns the ILGPU <see cref="Context"/> and the accelerators created from it (one per device, created on
/// first use and kept: creating a CUDA accelerator costs a driver context).</summary>
/// <remarks>
/// Plugin unloading: ILGPU caches what it compiled (IR, type information, kernels) per context and per
/// accelerator, and those caches hold the plugin types a kernel was built from. A plugin whose kernel ran can
/// therefore unload only after <see cref="ClearCaches"/> or <see cref="Dispose"/> (tested). The CLI holds one
/// runtime per command, so this only matters to long-running hosts that reload plugins.
/// </remarks>
public sealed class GpuRuntime : IDisposable
{
    private readonly Lock _gate = new();
    private readonly Context _context;
    private readonly Dictionary<int, Accelerator> _accelerators = [];
    private bool _disposed;

    public GpuRuntime()
    {
        _context = CreateContext();
        Devices = _context.Devices.Select((device, i) => GpuDeviceInfo.Of(i, device)).ToArray();
    }

    /// <summary>Every device ILGPU sees, the CPU simulator included.</summary>
    public IReadOnlyList<GpuDeviceInfo> Devices { get; }

    /// <summary>Real GPUs only (CUDA before OpenCL, then by memory); the CPU simulator is never among them.</summary>
    public IReadOnlyList<GpuDeviceInfo> Gpus => Devices.Where(d => !d.IsSimulator)
        .OrderByDescending(d => d.Kind == "cuda").ThenByDescending(d => d.MemoryBytes).ToArray();

    /// <summary>The GPU <c>--device gpu</c> and <c>auto</c> use, or null when there is none.</summary>
    public GpuDeviceInfo? BestGpu => Gpus.Count == 0 ? null : Gpus[0];

    /// <summary>ILGPU's CPU accelerator: for testing kernels, never for speed.</summary>
    public GpuDeviceInfo Simulator => Gpus.Count == Devices.Count
        ? throw new InvalidOperationException("ILGPU registered no CPU accelerator")
        : Devices.Except(Gpus).First();

    /// <summary>Whether NVIDIA's libdevice (from a CUDA SDK) supplies double-precision math on CUDA.</summary>
    public bool UsesLibDevice { get; private set; }

    /// <summary>Algorithms: double-precision Math.Sin/Cos/Exp in kernels on every backend. LibDevice, where a CUDA
    /// SDK is installed: NVIDIA's own accurate math for them on CUDA; without one ILGPU's implementations serve.</summary>
    private Context CreateContext()
    {
        try
        {
            var context = Context.Create(builder => builder.Default().EnableAlgorithms().LibDevice());
            UsesLibDevice = true;
            return context;
        }
        catch (Exception e) when (e is NotSupportedException or InvalidOperationException or DirectoryNotFoundException or FileNotFoundException)
        {
            return Context.Create(builder => builder.Default().EnableAlgorithms());
        }
    }

    /// <summary>"ILGPU sees only ..." for error messages.</summary>
    public string Describe() => string.Join(", ", Devices.Select(d => d.Label));

    /// <summary>The accelerator of <paramref name="device"/>, created once.</summary>
    public Accelerator Accelerator(GpuDeviceInfo device)
    {
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            if (!_accelerators.TryGetValue(device.Index, out var accelerator))
            {
                accelerator = _context.Devices[device.Index].CreateAccelerator(_context);
                _accelerators[device.Index] = accelerator;
            }

            return accelerator;
        }
    }

    /// <summary>Drops every compiled kernel and cached type, so plugin assemblies they came from can unload.
    /// Evaluators created before must not be used afterwards.</summary>
    public void ClearCaches()
    {
        lock (_gate)
        {
            foreach (var accelerator in _accelerators.Values)
            {
                accelerator.ClearCache(ClearCacheMode.Everything);
            }

            _context.ClearCache(ClearCacheMode.Everything);
        }
    }

    public void Dispose()
    {
        lock (_gate)
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;
            foreach (var accelerator in _accelerators.Values)
            {
                accelerator.Dispose();
            }

            _accelerators.Clear();
            _context.Dispose();
        }
    }
}
