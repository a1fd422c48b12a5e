using System.Runtime.CompilerServices;
using System.Runtime.Loader;
using Workbench.Conformance;
using Workbench.Contracts.Options;
using Workbench.Engine.Catalog;
using Workbench.Engine.Evaluation;
using Workbench.Gpu.Contracts;
using Workbench.Plugins;

namespace Workbench.Gpu.Tests;

/// <summary>Kernels compiled from a plugin loaded in its own collectible load context: they compile and run
/// (CPU accelerator), and the plugin still unloads once the GPU runtime that compiled them is disposed.</summary>
/// <remarks>ILGPU caches IR and type information per context (and the CPU accelerator emits a wrapper type per
/// kernel), all of which hold the plugin's objective type: the documented limit is that a plugin whose kernel
/// ran unloads only after the <see cref="GpuRuntime"/> that compiled it is disposed.</remarks>
public sealed class PluginKernelUnloadTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "wb-gpu-tests", Guid.NewGuid().ToString("N"));

    public PluginKernelUnloadTests()
    {
        var source = Path.Combine(AppContext.BaseDirectory, "testplugins", "Benchmarks");
        foreach (var file in Directory.EnumerateFiles(source, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(_root, "Benchmarks", Path.GetRelativePath(source, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }

    [Fact]
    public void A_plugin_kernel_compiles_runs_and_the_plugin_unloads_after_the_runtime_is_disposed()
    {
        var (context, runtime) = RunPluginKernel(disposeRuntime: true);
        Assert.Null(runtime);
        Assert.True(Unloaded(context), "the plugin's load context was still alive after 20 collections");
    }

    [Fact]
    public void The_limit_the_plugin_stays_loaded_while_the_runtime_that_compiled_its_kernel_lives()
    {
        var runtime = new StrongBox<GpuRuntime?>();
        var context = Held(runtime);
        // ILGPU's caches hold the plugin's types; Accelerator/Context.ClearCache(Everything) do not release them
        // all (measured with ILGPU 1.5.3). Measured too: once a collection has found the context held, disposing
        // the runtime afterwards did not let it go within 20 more collections, hence the order the first test
        // shows (and GpuRuntime documents): dispose the runtime, then unload the plugins.
        Assert.False(Unloaded(context), "expected ILGPU to hold the plugin while its context lives");
        DisposeRuntime(runtime);
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private WeakReference Held(StrongBox<GpuRuntime?> box)
    {
        var (context, runtime) = RunPluginKernel(disposeRuntime: false);
        box.Value = runtime;
        return context;
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void DisposeRuntime(StrongBox<GpuRuntime?> box)
    {
        box.Value!.Dispose();
        box.Value = null;
    }

    /// <summary>Loads the plugin, evaluates a batch with its kernel and with its CPU path, unloads the catalog.
    /// Not inlined, so no local of this frame keeps the plugin alive.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private (WeakReference Context, GpuRuntime? Runtime) RunPluginKernel(bool disposeRuntime)
    {
        var runtime = new GpuRuntime();
        WeakReference context;
        using (var catalog = new PluginCatalog(new PluginCatalogOptions { Directories = [_root], Watch = false, SharedTypes = GpuPluginSharing.SharedTypes }))
        {
            catalog.Load();
            var problem = catalog.Problem("rastrigin").Factory.Create(OptionSchema.Empty.Defaults, 3, null);
            var loadContext = AssemblyLoadContext.GetLoadContext(problem.GetType().Assembly)!;
            Assert.True(loadContext.IsCollectible);
            Assert.NotSame(AssemblyLoadContext.Default, loadContext);
            // Shared, not duplicated: the plugin's IGpuProblem is the host's.
            Assert.IsAssignableFrom<IGpuProblem>(problem);
            Assert.DoesNotContain(loadContext.Assemblies, a => a.GetName().Name is "ILGPU" or "Workbench.Gpu.Contracts");
            context = new WeakReference(loadContext);

            var points = new double[] { 0.5, -1.25, 3.0, 0, 0, 0, 4.5, 5.0, -5.0 };
            var expected = new double[3];
            new SerialEvaluator(problem).EvaluateAsync(points, expected, CancellationToken.None).AsTask().Wait();
            var actual = new double[3];
            using (var evaluator = new GpuEvaluator(runtime.Accelerator(runtime.Simulator), problem, "simulator"))
            {
                evaluator.EvaluateAsync(points, actual, CancellationToken.None).AsTask().Wait();
            }

            Assert.Equal(expected, actual);
        }

        if (disposeRuntime)
        {
            runtime.Dispose();
            return (context, null);
        }

        return (context, runtime);
    }

    private static bool Unloaded(WeakReference context, int attempts = 20)
    {
        for (var attempt = 0; attempt < attempts && context.IsAlive; attempt++)
        {
            GC.Collect();
            GC.WaitForPendingFinalizers();
        }

        return !context.IsAlive;
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(_root, recursive: true);
        }
        catch (IOException)
        {
            // A temp folder left behind is harmless.
        }
    }
}
