namespace Workbench.Gpu.Tests;

/// <summary>ILGPU stays out of the plain contract and the engine; the GPU contract references ILGPU only.</summary>
public sealed class DependencyTests
{
    [Fact]
    public void Only_the_gpu_assemblies_reference_ilgpu()
    {
        static string[] References(Type t) => t.Assembly.GetReferencedAssemblies().Select(a => a.Name!).ToArray();
        Assert.DoesNotContain("ILGPU", References(typeof(global::Workbench.Contracts.Problems.IProblem)));
        Assert.DoesNotContain("ILGPU", References(typeof(global::Workbench.Engine.Evaluation.IEvaluator)));
        var gpuContract = References(typeof(global::Workbench.Gpu.Contracts.IGpuProblem));
        Assert.Contains("ILGPU", gpuContract);
        Assert.DoesNotContain(gpuContract, n => n.StartsWith("Workbench", StringComparison.Ordinal));
    }
}
