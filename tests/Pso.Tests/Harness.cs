using Workbench.Conformance;
using Workbench.Contracts.Optimizers;
using Workbench.Contracts.Problems;

namespace Workbench.Algorithms.Pso.Tests;

/// <summary>This plugin's factory plus the shared ask/tell loop of <see cref="AskTell"/>.</summary>
internal static class Harness
{
    public static readonly PsoFactory Factory = new();

    public static ProblemInfo Problem(int dimension, double lower, double upper) =>
        new("test", dimension, Bounds.Uniform(dimension, lower, upper));

    public static IOptimizer Create(ProblemInfo problem, ulong seed, params (string Name, string Value)[] options) =>
        Factory.Create(problem, Factory.Options.Parse(options.ToDictionary(o => o.Name, o => o.Value)), seed);

    public static int Step(IOptimizer optimizer, Objective f, double[] fitness) => AskTell.Step(optimizer, f, fitness);

    public static double Run(IOptimizer optimizer, Objective f, int iterations) => AskTell.Run(optimizer, f, iterations);

    public static double Median(IEnumerable<double> values) => AskTell.Median(values);
}
