using System.Reflection;
using Workbench.Contracts.Tasks;
using Workbench.Transport.Functions;

namespace Workbench.Peer;

/// <summary>A shipped C# function (one argument, one result) as a map job: its input and output travel as task values.</summary>
internal sealed class FunctionJob(MethodInfo method, object? target) : Contracts.Jobs.IJob
{
    private readonly Type _input = method.GetParameters().Single().ParameterType;

    public TaskValue Run(TaskValue input, CancellationToken cancellationToken)
    {
        try
        {
            return FunctionValues.ToValue(method.Invoke(target, [FunctionValues.FromValue(input, _input)]));
        }
        catch (TargetInvocationException e) when (e.InnerException is not null)
        {
            // The function's own exception, not reflection's wrapper, is what the client reports.
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(e.InnerException);
            throw;
        }
    }
}
