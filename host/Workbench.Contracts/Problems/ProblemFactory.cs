using Workbench.Contracts.Options;

namespace Workbench.Contracts.Problems;

/// <summary>Base class that binds validated option values to a typed, immutable options record.</summary>
/// <typeparam name="TOptions">A class with a parameterless constructor whose defaults are the option defaults,
/// and whose settable properties carry <see cref="OptionAttribute"/>.</typeparam>
public abstract class ProblemFactory<TOptions> : IProblemFactory
    where TOptions : class, new()
{
    public abstract string Id { get; }

    public abstract string Description { get; }

    public virtual DimensionRange Dimensions => DimensionRange.Any;

    public OptionSchema Options { get; } = OptionSchema.For<TOptions>();

    public IProblem Create(OptionValues options, int dimension, Bounds? bounds)
    {
        if (!Dimensions.Contains(dimension))
        {
            throw new OptionException("dim", $"{Id} takes dimension {Dimensions}, not {dimension}.");
        }

        if (bounds is not null && bounds.Dimension != dimension)
        {
            throw new OptionException("bounds", $"bounds have {bounds.Dimension} coordinates but the dimension is {dimension}.");
        }

        return Create(Options.Bind<TOptions>(options), dimension, bounds);
    }

    protected abstract IProblem Create(TOptions options, int dimension, Bounds? bounds);
}
