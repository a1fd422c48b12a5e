using ILGPU;
using ILGPU.Algorithms;
using ILGPU.Runtime;
using Microsoft.Extensions.Logging;
using Workbench.Engine.Diagnostics;

namespace Workbench.Gpu;

/// <summary>Owns the ILGPU <see cref="Context"/> and the accelerators created from it (one per device, created on
/// first use and kept: creating a CUDA accelerator costs a driver context).</summary>
/// <remarks>
/// Plugin unloading: ILGPU caches what it compiled (IR, type information, kernels) per context and per
/// accelerator, and those caches hold the plugin types a kernel was built from; <c>ClearCache(Everything)</c> on
/// both does not release them all (ILGPU 1.5.3). A plugin whose kernel ran can therefore unload only after this
/// runtime is disposed, and (measured) the runtime must be disposed before the plugin's unload is attempted: a
/// collection that finds the plugin held left it loaded for good in our tests. Workaround for long-running hosts
/// that reload plugins (the TUI): dispose this runtime first, then reload the catalog, then create a new runtime.
/// The CLI holds one runtime per command, disposed before the catalog.
/// </remarks>
public sealed class GpuRuntime : IDisposable
{
    private readonly Lock _gate = new();
    private Context? _context;
    private readonly Dictionary<int, Accelerator> _accelerators = [];

    public GpuRuntime()
    {
        var context = CreateContext();
        _context = context;
        Devices = context.Devices.Select((device, i) => GpuDeviceInfo.Of(i, device)).ToArray();
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
            var logger = WorkbenchLog.For<GpuRuntime>();
            logger.LogDebug(e, "no CUDA libdevice; ILGPU's own double-precision math serves");
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
            ObjectDisposedException.ThrowIf(_context is null, this);
            if (!_accelerators.TryGetValue(device.Index, out var accelerator))
            {
                accelerator = _context.Devices[device.Index].CreateAccelerator(_context);
                _accelerators[device.Index] = accelerator;
            }

            return accelerator;
        }
    }

    public void Dispose()
    {
        lock (_gate)
        {
            if (_context is null)
            {
                return;
            }

            foreach (var accelerator in _accelerators.Values)
            {
                accelerator.Dispose();
            }

            _accelerators.Clear();
            _context.Dispose();
            // Dropped, not just disposed: a disposed context still references its caches, and with them the
            // plugin types of every kernel it compiled, for as long as this runtime object is reachable.
            _context = null;
        }
    }
}
