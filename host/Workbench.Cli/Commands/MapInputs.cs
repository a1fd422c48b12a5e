using System.Text.Json;
using Workbench.Contracts.Tasks;

namespace Workbench.Cli.Commands;

/// <summary>The inputs of <c>wb map</c>: the integers 0 … N−1, or one JSON value per line of a file.</summary>
internal static class MapInputs
{
    public static TaskValue[] Count(int count) =>
        count < 0 ? throw new UsageException($"--count must be at least 0, not {count}") : Enumerable.Range(0, count).Select(i => TaskValue.FromInteger(i)).ToArray();

    /// <summary>Blank lines are skipped; a number without fraction or exponent is an integer, any other a real; an
    /// array must hold numbers only (it becomes an array of reals).</summary>
    /// <exception cref="UsageException">The file is missing or a line is not such a value (naming file and line).</exception>
    public static TaskValue[] Read(string path)
    {
        string[] lines;
        try
        {
            lines = File.ReadAllLines(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new UsageException($"cannot read inputs file {path}: {ex.Message}");
        }

        var inputs = new List<TaskValue>(lines.Length);
        for (var i = 0; i < lines.Length; i++)
        {
            if (string.IsNullOrWhiteSpace(lines[i]))
            {
                continue;
            }

            try
            {
                using var doc = JsonDocument.Parse(lines[i]);
                inputs.Add(ToValue(doc.RootElement));
            }
            catch (Exception ex) when (ex is JsonException or FormatException)
            {
                // System.Text.Json appends its own position within the line; the file's line number is the useful one.
                var reason = ex.Message.Split('\n')[0].Split(" LineNumber:")[0];
                throw new UsageException($"{path}:{i + 1}: {reason}");
            }
        }

        return inputs.ToArray();
    }

    private static TaskValue ToValue(JsonElement e) => e.ValueKind switch
    {
        JsonValueKind.Number when IsIntegerToken(e) && e.TryGetInt64(out var n) => TaskValue.FromInteger(n),
        JsonValueKind.Number => TaskValue.FromReal(e.GetDouble()),
        JsonValueKind.String => TaskValue.FromText(e.GetString()!),
        JsonValueKind.True => TaskValue.FromBoolean(true),
        JsonValueKind.False => TaskValue.FromBoolean(false),
        JsonValueKind.Array => TaskValue.FromReals(e.EnumerateArray().Select(Number).ToArray()),
        _ => throw new FormatException($"an input must be a number, a string, true/false or an array of numbers, not {e.ValueKind.ToString().ToLowerInvariant()}"),
    };

    private static bool IsIntegerToken(JsonElement e) => e.GetRawText().AsSpan().IndexOfAny(".eE") < 0;

    private static double Number(JsonElement e) =>
        e.ValueKind == JsonValueKind.Number ? e.GetDouble() : throw new FormatException($"an array input must hold numbers only, not {e.ValueKind.ToString().ToLowerInvariant()}");
}
