using Workbench.Contracts.Options;

namespace Workbench.Contracts.Problems;

/// <summary>Creates problems from specs: (id, options, dimension) recreates the same problem anywhere.</summary>
public interface IProblemFactory
{
    /// <summary>Stable, lower-case id such as <c>rosenbrock</c>.</summary>
    string Id { get; }

    string Description { get; }

    OptionSchema Options { get; }

    DimensionRange Dimensions { get; }

    /// <summary>Creates the problem. <paramref name="options"/> were validated against <see cref="Options"/>;
    /// <paramref name="bounds"/>, when given, override the problem's standard domain.</summary>
    IProblem Create(OptionValues options, int dimension, Bounds? bounds);
}
