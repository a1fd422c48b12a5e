using System.Globalization;
using System.Text;
using System.Text.Json;
using Workbench.Engine.Archive;

namespace Workbench.Reporting;

/// <summary>A run to export: its record, the names of its extra columns, and a reader of its history in pieces (each
/// call starts again from the first piece). The export never holds more than one piece of a history.</summary>
public sealed record ExportRun(RunRecord Run, IReadOnlyList<string> ExtraNames, Func<IEnumerable<RunHistory>> Pieces)
{
    /// <summary>A run whose history is already in memory (the terminal UI's small exports, tests).</summary>
    public static ExportRun InMemory(RunData data) => new(data.Run, [.. data.History.Extras.Keys], () => [data.History]);
}

/// <summary>Runs with their histories as CSV (one row per iteration) or JSON, numbers in round-trip form, written
/// while the history is read piece by piece: a history of millions of rows costs one piece of memory, not all of it
/// (an export of 10 million rows used to run out of memory building one string).</summary>
public static class HistoryExport
{
    private static readonly JsonSerializerOptions JsonOptions = new()
    {
        WriteIndented = true,
        NumberHandling = System.Text.Json.Serialization.JsonNumberHandling.AllowNamedFloatingPointLiterals,
        Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() },
    };

    private static readonly Encoding Utf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false);

    public static string ToCsv(IReadOnlyList<RunData> runs)
    {
        using var text = new MemoryStream();
        WriteCsv(text, [.. runs.Select(ExportRun.InMemory)]);
        return Utf8.GetString(text.ToArray());
    }

    /// <summary>A JSON array of runs, each with its metadata and history columns. Non-finite numbers are written as
    /// the strings "NaN", "Infinity", "-Infinity".</summary>
    public static string ToJson(IReadOnlyList<RunData> runs)
    {
        using var text = new MemoryStream();
        WriteJson(text, [.. runs.Select(ExportRun.InMemory)]);
        return Utf8.GetString(text.ToArray());
    }

    public static void WriteCsv(Stream target, IReadOnlyList<ExportRun> runs)
    {
        var c = CultureInfo.InvariantCulture;
        using var w = new StreamWriter(target, Utf8, bufferSize: 1 << 16, leaveOpen: true);
        var extras = runs.SelectMany(r => r.ExtraNames).Distinct(StringComparer.Ordinal).ToList();
        w.Write("run_id,algorithm,problem,seed,iteration,evaluations,best,iteration_best,mean,elapsed");
        foreach (var name in extras)
        {
            w.Write(',');
            w.Write(Csv.Escape(name));
        }

        w.Write('\n');
        var sb = new StringBuilder();
        foreach (var run in runs)
        {
            var d = run.Run.Description;
            var prefix = $"{d.RunId},{Csv.Escape(d.Algorithm.Id)},{Csv.Escape(d.Problem.Id)},{d.Seed.ToString(c)},";
            foreach (var h in run.Pieces())
            {
                for (var i = 0; i < h.Count; i++)
                {
                    sb.Append(prefix);
                    sb.Append(c, $"{h.Iteration[i]},{h.Evaluations[i]},{h.Best[i]:R},{h.IterationBest[i]:R},{h.Mean[i]:R},{h.Elapsed[i]:R}");
                    foreach (var name in extras)
                    {
                        sb.Append(',');
                        if (h.Extras.TryGetValue(name, out var column))
                        {
                            sb.Append(column[i].ToString("R", c));
                        }
                    }

                    sb.Append('\n');
                }

                w.Write(sb);
                sb.Clear();
            }
        }
    }

    /// <summary>The JSON array of <see cref="ToJson"/>, byte for byte. Its history is column by column, so each
    /// column is a pass over the pieces: reading the history again costs time, holding it all would cost memory.</summary>
    public static void WriteJson(Stream target, IReadOnlyList<ExportRun> runs)
    {
        using (var w = new Utf8JsonWriter(target, new JsonWriterOptions { Indented = true, Encoder = JsonOptions.Encoder }))
        {
            w.WriteStartArray();
            foreach (var run in runs)
            {
                w.WriteStartObject();
                w.WritePropertyName("run");
                JsonSerializer.Serialize(w, run.Run, JsonOptions);
                w.WritePropertyName("history");
                w.WriteStartObject();
                Column(w, "iteration", run, h => h.Iteration);
                Column(w, "evaluations", run, h => h.Evaluations);
                Column(w, "best", run, h => h.Best);
                Column(w, "iterationBest", run, h => h.IterationBest);
                Column(w, "mean", run, h => h.Mean);
                Column(w, "elapsed", run, h => h.Elapsed);
                w.WritePropertyName("extras");
                w.WriteStartObject();
                foreach (var name in run.ExtraNames)
                {
                    Column(w, name, run, h => h.Extras.TryGetValue(name, out var e) ? e : [.. Enumerable.Repeat(double.NaN, h.Count)]);
                }

                w.WriteEndObject();
                w.WriteEndObject();
                w.WriteEndObject();
                w.Flush(); // one run's text at most waits in the writer's buffer
            }

            w.WriteEndArray();
        }

        target.Write("\n"u8);
        target.Flush();
    }

    private static void Column(Utf8JsonWriter w, string name, ExportRun run, Func<RunHistory, long[]> column)
    {
        w.WritePropertyName(name);
        w.WriteStartArray();
        foreach (var piece in run.Pieces())
        {
            foreach (var value in column(piece))
            {
                w.WriteNumberValue(value);
            }

            Drain(w);
        }

        w.WriteEndArray();
    }

    private static void Column(Utf8JsonWriter w, string name, ExportRun run, Func<RunHistory, double[]> column)
    {
        w.WritePropertyName(name);
        w.WriteStartArray();
        foreach (var piece in run.Pieces())
        {
            foreach (var value in column(piece))
            {
                // As the serializer writes a double with named literals allowed: non-finite values as strings.
                if (double.IsFinite(value))
                {
                    w.WriteNumberValue(value);
                }
                else
                {
                    w.WriteStringValue(double.IsNaN(value) ? "NaN" : value > 0 ? "Infinity" : "-Infinity");
                }
            }

            Drain(w);
        }

        w.WriteEndArray();
    }

    /// <summary>Hands what the writer holds to the stream once it is large: the writer buffers until flushed.</summary>
    private static void Drain(Utf8JsonWriter w)
    {
        if (w.BytesPending > 1 << 16)
        {
            w.Flush();
        }
    }
}
