namespace Workbench.Engine.Catalog;

/// <summary>Finds factories by id with errors that list the valid ids.</summary>
public static class CatalogLookup
{
    public static Registered<Contracts.Optimizers.IOptimizerFactory> Optimizer(this IComponentCatalog catalog, string id) =>
        Find(catalog.Optimizers, r => r.Factory.Id, id, "algorithm", catalog as IFailedComponents);

    public static Registered<Contracts.Problems.IProblemFactory> Problem(this IComponentCatalog catalog, string id) =>
        Find(catalog.Problems, r => r.Factory.Id, id, "problem", catalog as IFailedComponents);

    /// <summary>The message for an id nobody provides: why a failed plugin that declares it was refused, when one
    /// does, else the valid ids.</summary>
    public static string Unknown(string what, string id, IEnumerable<string> validIds, IFailedComponents? failures)
    {
        if (failures?.WhyUnavailable(id) is { } why)
        {
            return $"{what} '{id}' is not available: {why}";
        }

        var valid = validIds.Order(StringComparer.Ordinal).ToArray();
        return $"unknown {what} '{id}'; " + (valid.Length == 0 ? "none are loaded" : "valid: " + string.Join(", ", valid));
    }

    private static T Find<T>(IReadOnlyList<T> items, Func<T, string> idOf, string id, string what, IFailedComponents? failures)
    {
        foreach (var item in items)
        {
            if (string.Equals(idOf(item), id, StringComparison.OrdinalIgnoreCase))
            {
                return item;
            }
        }

        throw new RunSetupException(what, Unknown(what, id, items.Select(idOf), failures));
    }
}
