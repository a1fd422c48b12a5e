using System.Globalization;
using System.Text.Json;
using Workbench.Engine.Mapping;

namespace Workbench.Cli.Output;

/// <summary>The summary of a map, as text or as one JSON object.</summary>
internal static class MapReport
{
    private const int ShownOutputs = 10;
    private const int ListedFailures = 20;

    public static string ToText(string? id, MapJob job, MapResult r, string? outFile)
    {
        var c = CultureInfo.InvariantCulture;
        var lines = new List<string>
        {
            string.Create(c, $"map {job.Spec.Id} over {r.Jobs.Count} inputs on {r.Slots.Count} slot(s): {r.Wall.TotalSeconds:F3} s, {r.JobsPerSecond.ToString(r.JobsPerSecond < 100 ? "F2" : "F0", c)} jobs/s"),
        };
        lines.AddRange(r.Slots.Select(s => string.Create(c,
            $"  {s.Name}: {s.Jobs} jobs in {s.Chunks} chunks, busy {s.BusySeconds:F3} s{(s.Lost ? " (lost)" : "")}")));
        if (outFile is not null)
        {
            lines.Add($"outputs written to {outFile}");
        }
        else
        {
            lines.AddRange(r.Jobs.Take(ShownOutputs).Select(j => $"  {j.Index}: {(j.Output is { } o ? Compact(o) : "error: " + j.Error)}"));
            if (r.Jobs.Count > ShownOutputs)
            {
                lines.Add($"  ... {r.Jobs.Count - ShownOutputs} more (--out FILE.jsonl writes every output)");
            }
        }

        lines.Add(id is null ? "not recorded (--no-record)" : $"recorded as map run {id} (wb map runs)");
        return string.Join('\n', lines) + "\n";
    }

    public static string FailureLine(MapResult r)
    {
        var failed = r.FailedIndices;
        var listed = string.Join(", ", failed.Take(ListedFailures)) + (failed.Count > ListedFailures ? $", ... ({failed.Count - ListedFailures} more)" : "");
        return $"{failed.Count} of {r.Jobs.Count} jobs failed: indices {listed}; first error: {r.Jobs[failed[0]].Error}";
    }

    public static void WriteJson(Stream stream, string? id, MapJob job, MapResult r, bool includeOutputs)
    {
        using var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = JsonOutput.Options.Encoder });
        w.WriteStartObject();
        if (id is null)
        {
            w.WriteNull("mapRunId");
        }
        else
        {
            w.WriteString("mapRunId", id);
        }

        w.WriteString("job", job.Spec.Id);
        w.WriteString("plugin", job.Spec.PluginId);
        w.WriteStartObject("options");
        foreach (var (name, value) in job.Spec.Options)
        {
            w.WriteString(name, value);
        }

        w.WriteEndObject();
        w.WriteNumber("count", r.Jobs.Count);
        w.WriteNumber("wallSeconds", r.Wall.TotalSeconds);
        w.WriteNumber("jobsPerSecond", r.JobsPerSecond);
        w.WriteStartArray("slots");
        foreach (var s in r.Slots)
        {
            w.WriteStartObject();
            w.WriteString("name", s.Name);
            w.WriteNumber("jobs", s.Jobs);
            w.WriteNumber("chunks", s.Chunks);
            w.WriteNumber("busySeconds", s.BusySeconds);
            w.WriteBoolean("lost", s.Lost);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteStartArray("failed");
        foreach (var i in r.FailedIndices)
        {
            w.WriteNumberValue(i);
        }

        w.WriteEndArray();
        if (includeOutputs)
        {
            w.WriteStartArray("results");
            foreach (var j in r.Jobs)
            {
                MapOutputs.Write(w, j);
            }

            w.WriteEndArray();
        }

        w.WriteEndObject();
        w.Flush();
        stream.WriteByte((byte)'\n');
    }

    private static string Compact(Contracts.Tasks.TaskValue value)
    {
        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer))
        {
            MapOutputs.WriteValue(w, value);
        }

        return System.Text.Encoding.UTF8.GetString(buffer.ToArray());
    }
}
