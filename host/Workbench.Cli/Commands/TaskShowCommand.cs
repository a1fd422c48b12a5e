using System.CommandLine;
using System.Globalization;
using System.Text;
using Workbench.Cli.Output;
using Workbench.Engine.Archive;

namespace Workbench.Cli.Commands;

/// <summary><c>wb task show ID</c>: a recorded task run's metadata, metrics, per-node table, result hash and the
/// command that repeats it.</summary>
internal static class TaskShowCommand
{
    public static Command Create()
    {
        var db = StoreOptions.Database();
        var id = new Argument<string>("ID") { Description = "Task run id or any unique prefix of it" };
        var json = CommonOptions.Json("Print the task run as one JSON object");
        var command = new Command("show", "Show a recorded task run") { id, db, json };
        command.SetAction(parse =>
        {
            using var store = RunsCommand.OpenReadOnly(parse, db);
            var task = store.GetTask(parse.GetValue(id)!);
            if (parse.GetValue(json))
            {
                JsonOutput.Write(TaskRunJson.Detail(task));
                return ExitCodes.Ok;
            }

            Console.Out.Write(Text(task));
            return ExitCodes.Ok;
        });
        return command;
    }

    /// <summary>The value of a scalar result, the kind and length of an array, or "-" without a result.</summary>
    public static string ResultText(TaskRunRecord t) => t.Result switch
    {
        null => "-",
        { Text: { } text } => text.Length > 24 ? text[..21] + "..." : text,
        { } r => string.Create(CultureInfo.InvariantCulture, $"{r.Kind}[{(r.Shape.Count > 0 ? string.Join("x", r.Shape) : r.Length)}]"),
    };

    private static string Text(TaskRunRecord t)
    {
        var c = CultureInfo.InvariantCulture;
        var sb = new StringBuilder();
        sb.AppendLine(c, $"task run {t.Id}");
        sb.AppendLine(c, $"status:   {t.Status.ToString().ToLowerInvariant()}{(t.Error is null ? "" : $": {t.Error}")}");
        sb.AppendLine(c, $"task:     {t.TaskId} (plugin {t.Origin.PluginId} {t.Origin.PluginVersion}, sha256 {RecordText.ShortSha(t.Origin.AssemblySha256)})");
        sb.AppendLine(c, $"options:  {string.Join(" ", t.Options.OrderBy(o => o.Key, StringComparer.Ordinal).Select(o => $"{o.Key}={o.Value}"))}");
        sb.AppendLine(c, $"seed:     {t.Seed}, {t.NodeCount} nodes");
        sb.AppendLine(c, $"machine:  {RecordText.Machine(t.Machine)}");
        sb.AppendLine(c, $"started:  {RecordText.Times(t.StartedAt, t.EndedAt, t.WallSeconds)}");
        if (t.Result is { } r)
        {
            sb.AppendLine(c, $"result:   {ResultText(t)} ({r.Kind}{(r.Shape.Count > 0 ? ", shape [" + string.Join("x", r.Shape) + "]" : "")})");
            sb.AppendLine(c, $"sha256:   {r.Sha256}");
            foreach (var m in r.Metrics)
            {
                sb.AppendLine(c, $"  {m.Name}: {m.Value:G10}{(m.Unit.Length > 0 ? " " + m.Unit : "")}");
            }
        }

        sb.AppendLine();
        var table = new TextTable("NODE", "SECONDS", "TUBE SECONDS", "TUBE SHARE", "PUSHED", "POPPED", "OK");
        foreach (var n in t.Nodes)
        {
            table.Add(n.Node.ToString(c), n.Seconds.ToString("F3", c), n.TubeSeconds.ToString("F3", c),
                (n.Seconds > 0 ? n.TubeSeconds / n.Seconds : 0).ToString("P1", c), n.Pushed.ToString(c), n.Popped.ToString(c), n.Succeeded ? "yes" : "no");
        }

        sb.Append(t.Nodes.Count == 0 ? "no node statistics recorded\n" : table.ToString());
        sb.AppendLine();
        sb.AppendLine("repeat with:");
        sb.AppendLine("  " + RepeatCommand.For(t));
        return sb.ToString();
    }
}
