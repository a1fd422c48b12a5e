namespace Workbench.Contracts.Tasks;

/// <summary>One node of a loosely coupled computation (the Playdoh task interface): the runtime creates one
/// instance per node, initialises it with that node's arguments, runs it, then asks for its result.</summary>
/// <remarks>Each instance is used by one thread at a time, in the order Initialize, Run, GetResult. It talks to
/// other nodes only through the tubes of its <see cref="ITaskContext"/>; it must not touch static mutable state,
/// because the same code runs unchanged on other machines.</remarks>
public interface IParallelTask
{
    void Initialize(ITaskContext context, TaskArguments arguments);

    /// <summary>Does the node's work. Should honour <paramref name="cancellationToken"/> in long loops: it is
    /// cancelled when another node fails, a deadlock is found, or the run times out.</summary>
    void Run(CancellationToken cancellationToken);

    /// <summary>This node's share of the result, combined on the client by <see cref="IParallelTaskFactory.Combine"/>.</summary>
    TaskValue GetResult();
}
