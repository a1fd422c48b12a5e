namespace Workbench.Engine.Catalog;

/// <summary>Finds factories by id with errors that list the valid ids.</summary>
public static class CatalogLookup
{
    public static Registered<Contracts.Optimizers.IOptimizerFactory> Optimizer(this IComponentCatalog catalog, string id) =>
        Find(catalog.Optimizers, r => r.Factory.Id, id, "algorithm");

    public static Registered<Contracts.Problems.IProblemFactory> Problem(this IComponentCatalog catalog, string id) =>
        Find(catalog.Problems, r => r.Factory.Id, id, "problem");

    private static T Find<T>(IReadOnlyList<T> items, Func<T, string> idOf, string id, string what)
    {
        foreach (var item in items)
        {
            if (string.Equals(idOf(item), id, StringComparison.OrdinalIgnoreCase))
            {
                return item;
            }
        }

        var valid = items.Count == 0 ? "none are loaded" : "valid: " + string.Join(", ", items.Select(idOf).Order(StringComparer.Ordinal));
        throw new RunSetupException(what, $"unknown {what} '{id}'; {valid}");
    }
}
