using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Workbench.Engine.Campaigns;

namespace Workbench.Reporting.Campaigns;

/// <summary>The fields of a campaign file, read from its JSON tree; a wrong field throws <see cref="CampaignException"/>
/// with its path (<c>algorithms[1].options[0].lambda</c>).</summary>
internal static class CampaignFields
{
    private static readonly string[] Known = ["name", "algorithms", "problems", "dimensions", "instances", "seeds", "budget", "targets"];

    public static CampaignDefinition Read(JsonObject root)
    {
        if (root.Select(p => p.Key).FirstOrDefault(k => !Known.Contains(k)) is { } unknown)
        {
            throw new CampaignException(unknown, $"unknown field (expected one of {string.Join(", ", Known)})");
        }

        var campaign = new CampaignDefinition
        {
            Name = Text(Required(root, "name"), "name"),
            Algorithms = List(Required(root, "algorithms"), "algorithms", Algorithm),
            Problems = List(Required(root, "problems"), "problems", Text),
            Dimensions = List(Required(root, "dimensions"), "dimensions", (n, f) => checked((int)Integer(n, f))),
            Budget = Number(Required(root, "budget"), "budget"),
        };
        return campaign with
        {
            Instances = root["instances"] is { } i ? Instances(i) : campaign.Instances,
            Seeds = root["seeds"] is { } s ? List(s, "seeds", (n, f) => (ulong)Integer(n, f)) : campaign.Seeds,
            Targets = root["targets"] is { } t ? List(t, "targets", Number) : campaign.Targets,
        };
    }

    private static CampaignAlgorithm Algorithm(JsonNode? node, string field)
    {
        if (node is JsonValue)
        {
            return new CampaignAlgorithm(Text(node, field), [new Dictionary<string, string>()]);
        }

        if (node is not JsonObject algorithm)
        {
            throw new CampaignException(field, "must be an algorithm id or a mapping with id and options");
        }

        if (algorithm.Select(p => p.Key).FirstOrDefault(k => k is not "id" and not "options") is { } unknown)
        {
            throw new CampaignException($"{field}.{unknown}", "unknown field (expected id and options)");
        }

        var id = Text(Required(algorithm, "id", field), $"{field}.id");
        IReadOnlyList<IReadOnlyDictionary<string, string>> sets = algorithm["options"] switch
        {
            null => [new Dictionary<string, string>()],
            JsonObject one => [Options(one, $"{field}.options")],
            JsonArray many => many.Select((o, k) => Options(o, $"{field}.options[{k}]")).ToArray(),
            _ => throw new CampaignException($"{field}.options", "must be a mapping of option=value, or a list of them"),
        };
        return new CampaignAlgorithm(id, sets);
    }

    private static IReadOnlyDictionary<string, string> Options(JsonNode? node, string field) => node switch
    {
        null => new Dictionary<string, string>(),
        JsonObject map => map.ToDictionary(p => p.Key, p => Scalar(p.Value, $"{field}.{p.Key}"), StringComparer.Ordinal),
        _ => throw new CampaignException(field, "must be a mapping of option=value"),
    };

    /// <summary>A list of numbers, or text such as "1-15" for a range.</summary>
    private static IReadOnlyList<int> Instances(JsonNode node)
    {
        if (node is JsonValue value && value.GetValueKind() == JsonValueKind.String && value.GetValue<string>().Split('-') is [var a, var b]
            && int.TryParse(a, CultureInfo.InvariantCulture, out var first) && int.TryParse(b, CultureInfo.InvariantCulture, out var last) && first <= last)
        {
            return Enumerable.Range(first, last - first + 1).ToArray();
        }

        return List(node, "instances", (n, f) => checked((int)Integer(n, f)));
    }

    private static JsonNode Required(JsonObject o, string name, string? parent = null) =>
        o[name] ?? throw new CampaignException(parent is null ? name : $"{parent}.{name}", "is missing");

    private static IReadOnlyList<T> List<T>(JsonNode? node, string field, Func<JsonNode?, string, T> item) => node switch
    {
        JsonArray array => array.Select((n, i) => item(n, $"{field}[{i}]")).ToArray(),
        JsonValue => [item(node, field)],
        _ => throw new CampaignException(field, "must be a list"),
    };

    private static string Text(JsonNode? node, string field) =>
        node is JsonValue v && v.GetValueKind() == JsonValueKind.String && v.GetValue<string>().Trim() is { Length: > 0 } s
            ? s
            : throw new CampaignException(field, "must be non-empty text");

    private static string Scalar(JsonNode? node, string field) => node is JsonValue v
        ? v.GetValueKind() switch
        {
            JsonValueKind.String => v.GetValue<string>(),
            JsonValueKind.True => "true",
            JsonValueKind.False => "false",
            _ => v.ToJsonString(),
        }
        : throw new CampaignException(field, "must be a single value");

    private static double Number(JsonNode? node, string field)
    {
        if (node is JsonValue v)
        {
            if (v.GetValueKind() == JsonValueKind.Number)
            {
                return v.GetValue<double>();
            }

            if (v.GetValueKind() == JsonValueKind.String && double.TryParse(v.GetValue<string>(), NumberStyles.Float, CultureInfo.InvariantCulture, out var parsed))
            {
                return parsed;
            }
        }

        throw new CampaignException(field, $"must be a number, got {node?.ToJsonString() ?? "nothing"}");
    }

    private static long Integer(JsonNode? node, string field)
    {
        var value = Number(node, field);
        return value == Math.Floor(value) && value is >= 0 and <= long.MaxValue
            ? (long)value
            : throw new CampaignException(field, $"must be a whole number of at least 0, got {node?.ToJsonString()}");
    }
}
