using Workbench.Contracts.Options;
using Workbench.Contracts.Tasks;

namespace Workbench.Contracts.Jobs;

/// <summary>A kind of independent job for <c>wb map</c> (Playdoh's <c>map(fun, args)</c>): one input value to one
/// output value, with typed options. Plugins expose one as a public non-abstract type with a parameterless
/// constructor; the catalog discovers it like the other factories.</summary>
/// <remarks>Stateless: (id, options) recreates the same job on any machine, so a job lost with its peer can run
/// again elsewhere and give the same output.</remarks>
public interface IJobFactory
{
    /// <summary>Stable, lower-case id such as <c>sleep</c>.</summary>
    string Id { get; }

    string Description { get; }

    OptionSchema Options { get; }

    /// <summary>The job for these (validated) options. The host may call <see cref="IJob.Run"/> of one instance
    /// from several threads at once, each with its own input.</summary>
    /// <exception cref="OptionException">The options do not make a valid job.</exception>
    IJob Create(OptionValues options);
}

/// <summary>One job: a pure function of its input (and the options it was created with).</summary>
public interface IJob
{
    /// <summary>Computes the output of <paramref name="input"/>. With <c>wb map --count N</c> the inputs are the
    /// integers 0 … N−1. Must depend on nothing but the input and the options, and be safe to call concurrently.</summary>
    /// <exception cref="OperationCanceledException">The token was cancelled; long jobs should check it.</exception>
    TaskValue Run(TaskValue input, CancellationToken cancellationToken);
}
