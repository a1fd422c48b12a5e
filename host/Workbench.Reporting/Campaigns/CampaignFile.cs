using System.Text.Json;
using System.Text.Json.Nodes;
using Workbench.Engine.Campaigns;
using YamlDotNet.Core;
using YamlDotNet.Serialization;

namespace Workbench.Reporting.Campaigns;

/// <summary>Reads a campaign file, JSON (<c>.json</c>) or YAML (anything else), into a checked
/// <see cref="CampaignDefinition"/>. Every error is one line naming the file and the field.</summary>
/// <remarks>YAML is turned into the same JSON tree first, so both syntaxes share one reader and one set of
/// messages; YAML scalars arrive as text, so numbers are accepted as JSON numbers or as numeric text.</remarks>
public static class CampaignFile
{
    public static CampaignDefinition Load(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new CampaignFileException($"{path}: cannot read the campaign file: {ex.Message}");
        }

        return Parse(text, IsJson(path), path);
    }

    public static CampaignDefinition Parse(string text, bool json, string source)
    {
        try
        {
            var root = (json ? ParseJson(text) : ParseYaml(text)) as JsonObject
                ?? throw new CampaignException("(top)", "must be a mapping with name, algorithms, problems, dimensions and budget");
            var campaign = CampaignFields.Read(root);
            campaign.Validate();
            return campaign;
        }
        catch (CampaignException ex)
        {
            throw new CampaignFileException($"{source}: {ex.Message}");
        }
        catch (Exception ex) when (ex is JsonException or YamlException)
        {
            throw new CampaignFileException($"{source}: not valid {(json ? "JSON" : "YAML")}: {OneLine(ex.Message)}");
        }
    }

    private static bool IsJson(string path) => string.Equals(Path.GetExtension(path), ".json", StringComparison.OrdinalIgnoreCase);

    private static JsonNode? ParseJson(string text) =>
        JsonNode.Parse(text, documentOptions: new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });

    private static JsonNode? ParseYaml(string text) => ToJson(new DeserializerBuilder().Build().Deserialize<object?>(text));

    private static JsonNode? ToJson(object? yaml) => yaml switch
    {
        null => null,
        IDictionary<object, object?> map => new JsonObject(map.Select(p => KeyValuePair.Create(Convert.ToString(p.Key, System.Globalization.CultureInfo.InvariantCulture) ?? "", ToJson(p.Value)))),
        IList<object?> list => new JsonArray(list.Select(ToJson).ToArray()),
        _ => JsonValue.Create(Convert.ToString(yaml, System.Globalization.CultureInfo.InvariantCulture)),
    };

    private static string OneLine(string message) => message.ReplaceLineEndings(" ").Trim();
}

/// <summary>A campaign file that cannot be read or is wrong: one line, starting with the file.</summary>
public sealed class CampaignFileException(string message) : Exception(message);
