using ILGPU.Runtime;

namespace Workbench.Gpu.Tests;

/// <summary>One GPU runtime for the whole test assembly, and its CPU accelerator (CI has no GPU).</summary>
/// <remarks>Shared because creating a context and compiling kernels dominate the simulator's cost; tests that
/// need their own runtime (unloading) create one.</remarks>
public sealed class SimulatorFixture : IDisposable
{
    public SimulatorFixture()
    {
        Runtime = new GpuRuntime();
        Accelerator = Runtime.Accelerator(Runtime.Simulator);
    }

    public GpuRuntime Runtime { get; }

    public Accelerator Accelerator { get; }

    public void Dispose() => Runtime.Dispose();
}

[CollectionDefinition(Name)]
public sealed class SimulatorCollection : ICollectionFixture<SimulatorFixture>
{
    public const string Name = "ILGPU CPU accelerator";
}
