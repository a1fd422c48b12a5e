namespace Workbench.Contracts.Tasks;

/// <summary>The combined result of a task: one typed value (a scalar, or an array such as a whole field), its
/// shape when it is an array meant to be read as a grid, and named figures worth printing.</summary>
/// <param name="Value">What the task computed; UIs print scalars and hash arrays.</param>
/// <param name="Shape">Dimensions of an array value in storage order (for example <c>[grid, grid]</c>); empty
/// for scalars and plain vectors.</param>
/// <param name="Metrics">Named scalar figures in display order (estimate error, counts, simulated time...).</param>
public sealed record TaskResult(TaskValue Value, IReadOnlyList<int> Shape, IReadOnlyList<TaskMetric> Metrics)
{
    public TaskResult(TaskValue value)
        : this(value, [], [])
    {
    }
}

/// <summary>One named figure of a <see cref="TaskResult"/>.</summary>
public sealed record TaskMetric(string Name, double Value, string Unit = "");
