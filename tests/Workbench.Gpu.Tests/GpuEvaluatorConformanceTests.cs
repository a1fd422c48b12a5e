using Workbench.Conformance;
using Workbench.Contracts.Options;
using Workbench.Contracts.Problems;
using Workbench.Engine.Catalog;
using Workbench.Engine.Evaluation;
using Workbench.Engine.Specs;

namespace Workbench.Gpu.Tests;

/// <summary>The evaluator conformance suite, run on the GPU evaluator over ILGPU's CPU accelerator with a
/// kernel-capable benchmark (Rastrigin: transcendental, so any reordering would show).</summary>
[Collection(SimulatorCollection.Name)]
public sealed class GpuEvaluatorConformanceTests(SimulatorFixture gpu) : EvaluatorConformance
{
    protected override double Tolerance => 1e-12;

    protected override IComponentCatalog Catalog { get; } = new StaticCatalog([], [KernelAgreementTests.Factory("rastrigin")]);

    protected override ProblemSpec SpecOf(int dimension) => new SpecResolver(Catalog).Default("rastrigin", dimension);

    protected override IEvaluator Create(ProblemGuard problem) => new GpuEvaluator(gpu.Accelerator, problem, "simulator");
}

/// <summary>The same suite on <see cref="AutoEvaluator"/> with a crossover inside the suite's batch sizes, so both
/// routes are exercised.</summary>
[Collection(SimulatorCollection.Name)]
public sealed class AutoEvaluatorConformanceTests(SimulatorFixture gpu) : EvaluatorConformance
{
    protected override double Tolerance => 1e-12;

    protected override IComponentCatalog Catalog { get; } = new StaticCatalog([], [KernelAgreementTests.Factory("griewank")]);

    protected override ProblemSpec SpecOf(int dimension) => new SpecResolver(Catalog).Default("griewank", dimension);

    protected override IEvaluator Create(ProblemGuard problem) =>
        new AutoEvaluator(new MulticoreEvaluator(problem, 2), new GpuEvaluator(gpu.Accelerator, problem, "simulator"), crossover: 100);
}
