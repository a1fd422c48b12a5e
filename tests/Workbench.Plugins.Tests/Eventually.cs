using Workbench.Plugins;

namespace Workbench.Plugins.Tests;

internal static class Eventually
{
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(15);

    /// <summary>Awaits catalog changes until <paramref name="condition"/> holds, failing after a bounded wait.</summary>
    /// <remarks>Why a loop rather than one awaited change: a folder copied file by file may be seen half-copied
    /// (loaded as failed) and then again complete; the assertion is about the state the catalog settles in.</remarks>
    public static async Task<List<CatalogChangedEventArgs>> Holds(PluginCatalog catalog, Func<bool> condition)
    {
        var changes = new List<CatalogChangedEventArgs>();
        using var timeout = new CancellationTokenSource(Limit);
        while (true)
        {
            // Subscribe before checking, so a change between the check and the await is not missed.
            var next = catalog.WaitForChangeAsync(timeout.Token);
            if (condition())
            {
                return changes;
            }

            try
            {
                changes.Add(await next);
            }
            catch (OperationCanceledException)
            {
                Assert.Fail($"the catalog did not reach the expected state within {Limit.TotalSeconds} s; changes seen: " +
                    string.Join("; ", changes) + "; plugins: " + string.Join(", ", catalog.Plugins.Select(p => $"{p.Folder}={p.Status} {p.FailureReason}")));
            }
        }
    }
}
