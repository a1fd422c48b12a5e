using Workbench.Conformance;
using Workbench.Contracts.Options;
using Workbench.Contracts.Problems;
using Workbench.Engine.Evaluation;

namespace Workbench.Gpu.Tests;

/// <summary>The evaluator conformance suite, run on the GPU evaluator over ILGPU's CPU accelerator with a
/// kernel-capable benchmark (Rastrigin: transcendental, so any reordering would show).</summary>
[Collection(SimulatorCollection.Name)]
public sealed class GpuEvaluatorConformanceTests(SimulatorFixture gpu) : EvaluatorConformance
{
    protected override double Tolerance => 1e-12;

    protected override IProblem ProblemOf(int dimension) =>
        KernelAgreementTests.Factory("rastrigin").Create(OptionSchema.Empty.Defaults, dimension, null);

    protected override IEvaluator Create(IProblem problem) => new GpuEvaluator(gpu.Accelerator, problem, "simulator");
}

/// <summary>The same suite on <see cref="AutoEvaluator"/> with a crossover inside the suite's batch sizes, so both
/// routes are exercised.</summary>
[Collection(SimulatorCollection.Name)]
public sealed class AutoEvaluatorConformanceTests(SimulatorFixture gpu) : EvaluatorConformance
{
    protected override double Tolerance => 1e-12;

    protected override IProblem ProblemOf(int dimension) =>
        KernelAgreementTests.Factory("griewank").Create(OptionSchema.Empty.Defaults, dimension, null);

    protected override IEvaluator Create(IProblem problem) =>
        new AutoEvaluator(new MulticoreEvaluator(problem, 2), new GpuEvaluator(gpu.Accelerator, problem, "simulator"), crossover: 100);
}
