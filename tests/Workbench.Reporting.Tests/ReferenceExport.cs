using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Workbench.Reporting.Tests;

/// <summary>The export as it was before it streamed (whole histories in memory, one string), kept verbatim as the
/// reference the streaming export must match byte for byte.</summary>
internal static class ReferenceExport
{
    private static readonly JsonSerializerOptions JsonOptions = new()
    {
        WriteIndented = true,
        NumberHandling = System.Text.Json.Serialization.JsonNumberHandling.AllowNamedFloatingPointLiterals,
        Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() },
    };

    public static string ToCsv(IReadOnlyList<RunData> runs)
    {
        var c = CultureInfo.InvariantCulture;
        var extras = runs.SelectMany(r => r.History.Extras.Keys).Distinct(StringComparer.Ordinal).ToList();
        var sb = new StringBuilder("run_id,algorithm,problem,seed,iteration,evaluations,best,iteration_best,mean,elapsed");
        foreach (var name in extras)
        {
            sb.Append(',').Append(Escape(name));
        }

        sb.Append('\n');
        foreach (var run in runs)
        {
            var h = run.History;
            var d = run.Run.Description;
            var prefix = $"{d.RunId},{Escape(d.Algorithm.Id)},{Escape(d.Problem.Id)},{d.Seed.ToString(c)},";
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
        }

        return sb.ToString();
    }

    /// <summary>A JSON array of runs, each with its metadata and history columns. Non-finite numbers are written as
    /// the strings "NaN", "Infinity", "-Infinity".</summary>
    public static string ToJson(IReadOnlyList<RunData> runs)
    {
        return JsonSerializer.Serialize(runs.Select(r => new
        {
            run = r.Run,
            history = new
            {
                iteration = r.History.Iteration,
                evaluations = r.History.Evaluations,
                best = r.History.Best,
                iterationBest = r.History.IterationBest,
                mean = r.History.Mean,
                elapsed = r.History.Elapsed,
                extras = r.History.Extras,
            },
        }), JsonOptions);
    }

    private static string Escape(string field) =>
        field.AsSpan().IndexOfAny(",\"\r\n") < 0 ? field : "\"" + field.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}
