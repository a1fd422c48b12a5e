using Workbench.Gpu.Contracts;

namespace Workbench.Gpu;

/// <summary>The types whose assemblies plugins must share with the host (besides Workbench.Contracts) so that a
/// plugin's <see cref="IGpuProblem"/> is the host's interface and its kernels use the host's ILGPU.</summary>
/// <remarks>Without sharing, a plugin that ships its own ILGPU.dll would load a second copy: its objective would
/// then implement an interface the host does not know, and the problem would silently run on the CPU.</remarks>
public static class GpuPluginSharing
{
    public static IReadOnlyList<Type> SharedTypes { get; } = [typeof(IGpuProblem), typeof(ILGPU.Context)];
}
