using Workbench.Contracts.Options;

namespace Workbench.Contracts.Tasks;

/// <summary>Optional capability of a task factory: a plain single-threaded loop doing the same computation without
/// nodes or tubes, and a count of work units, so a benchmark can price the task runtime's overhead.</summary>
public interface ITaskBenchmarkBaseline
{
    /// <summary>Name of one unit of work, plural, such as <c>cell updates</c>.</summary>
    string WorkUnit { get; }

    /// <summary>Units of work one run with <paramref name="options"/> performs (independent of the node count).</summary>
    double WorkUnits(OptionValues options);

    /// <summary>Runs the same computation as the task on the calling thread and returns a checksum-worthy value.</summary>
    TaskValue RunBaseline(OptionValues options, ulong seed, CancellationToken cancellationToken);
}
