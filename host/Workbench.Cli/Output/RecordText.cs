using System.Globalization;
using Workbench.Engine.Running;

namespace Workbench.Cli.Output;

/// <summary>Text pieces that <c>wb runs</c> and <c>wb task</c> print alike for a stored record.</summary>
internal static class RecordText
{
    /// <summary>The first 12 characters of a run id (a damaged one may be shorter).</summary>
    public static string ShortId(string id) => id.Length > 12 ? id[..12] : id;

    /// <summary>A timestamp in local time, to the second.</summary>
    public static string Local(DateTimeOffset time) =>
        time.ToLocalTime().ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);

    /// <summary>"start, ended end (seconds s)", without the end while the record has none.</summary>
    public static string Times(DateTimeOffset started, DateTimeOffset? ended, double wallSeconds) =>
        string.Create(CultureInfo.InvariantCulture,
            $"{Local(started)}{(ended is { } e ? ", ended " + Local(e) : "")} ({wallSeconds:F3} s)");

    public static string Machine(MachineInfo m) =>
        string.Create(CultureInfo.InvariantCulture, $"{m.HostName}, {m.Os}, {m.Cpu}, {m.Cores} cores, {m.DotNet}");

    /// <summary>The first 12 hex digits of a SHA-256, or "-" when there is none.</summary>
    public static string ShortSha(string sha) => sha.Length > 12 ? sha[..12] : sha.Length == 0 ? "-" : sha;
}
