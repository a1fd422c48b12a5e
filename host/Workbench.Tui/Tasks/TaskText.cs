using System.Globalization;
using Workbench.Contracts.Tasks;

namespace Workbench.Tui.Tasks;

/// <summary>Short text for a task's scalar result.</summary>
public static class TaskText
{
    public static string Scalar(TaskValue value) => value.Kind switch
    {
        TaskValueKind.Real => value.AsReal().ToString("G10", CultureInfo.InvariantCulture),
        TaskValueKind.Integer => value.AsInteger().ToString(CultureInfo.InvariantCulture),
        TaskValueKind.Boolean => value.AsBoolean() ? "true" : "false",
        TaskValueKind.Text => value.AsText(),
        _ => value.Kind.ToString(),
    };
}
