using Workbench.Engine.Catalog;

namespace Workbench.Engine.Specs;

/// <summary>The plugins a peer machine holds: its own, plus folders shipped to it by content hash. Specs are
/// resolved against it, so a peer runs exactly the plugin build a client asked for or refuses.</summary>
public interface IPluginShelf
{
    /// <summary>Every factory of one kind, own plugins first (a snapshot).</summary>
    IReadOnlyList<Registered<T>> Components<T>()
        where T : class;

    /// <summary>Every plugin held and loaded, own and shipped.</summary>
    IReadOnlyList<HeldPlugin> Plugins { get; }

    bool Holds(string folderSha256);

    /// <summary>Where shipped folders are kept (functions shipped by clients are kept beneath it too).</summary>
    string CacheDirectory { get; }

    /// <summary>Verifies that <paramref name="files"/> hash to <paramref name="folderSha256"/>, stores them under
    /// the peer's data directory and loads the plugin. Idempotent.</summary>
    /// <exception cref="ShippedPluginException">The bytes do not match the hash, a path is unsafe, or the folder
    /// does not load (the message says why).</exception>
    void Install(string folderName, string folderSha256, IReadOnlyList<(string Path, ReadOnlyMemory<byte> Content)> files);
}

/// <summary>A plugin a peer holds: its identity and the components it provides (<c>kind:id</c>).</summary>
public sealed record HeldPlugin(string Id, string Version, string FolderSha256, IReadOnlyList<string> Components, bool Shipped);

/// <summary>A shipped plugin folder was refused.</summary>
public sealed class ShippedPluginException(string message) : Exception(message);

/// <summary>The problems and optimisers of a shelf as a catalog, for <see cref="SpecResolver"/>.</summary>
public sealed class ShelfCatalog(IPluginShelf shelf) : IComponentCatalog
{
    public IReadOnlyList<Registered<Contracts.Optimizers.IOptimizerFactory>> Optimizers => shelf.Components<Contracts.Optimizers.IOptimizerFactory>();

    public IReadOnlyList<Registered<Contracts.Problems.IProblemFactory>> Problems => shelf.Components<Contracts.Problems.IProblemFactory>();
}
