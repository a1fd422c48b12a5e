using Workbench.Contracts.Tasks;
using Workbench.Engine.Catalog;

namespace Workbench.Engine.Tasks;

/// <summary>The parallel task factories currently available. The plugin catalog implements it beside
/// <see cref="IComponentCatalog"/>; so can a test or a script (<see cref="StaticTaskCatalog"/>).</summary>
public interface ITaskCatalog
{
    IReadOnlyList<Registered<IParallelTaskFactory>> Tasks { get; }
}

/// <summary>A fixed list of task factories created in process.</summary>
public sealed class StaticTaskCatalog(IEnumerable<IParallelTaskFactory> tasks) : ITaskCatalog
{
    public IReadOnlyList<Registered<IParallelTaskFactory>> Tasks { get; } =
        tasks.Select(f => new Registered<IParallelTaskFactory>(f, ComponentOrigin.InProcess(f.Id))).ToArray();
}

public static class TaskCatalogLookup
{
    /// <exception cref="RunSetupException">Subject <c>task</c>; the message lists the valid ids.</exception>
    public static Registered<IParallelTaskFactory> Task(this ITaskCatalog catalog, string id)
    {
        var match = catalog.Tasks.FirstOrDefault(r => string.Equals(r.Factory.Id, id, StringComparison.OrdinalIgnoreCase));
        if (match is not null)
        {
            return match;
        }

        throw new RunSetupException("task", CatalogLookup.Unknown("task", id, catalog.Tasks.Select(r => r.Factory.Id), catalog as IFailedComponents));
    }
}
