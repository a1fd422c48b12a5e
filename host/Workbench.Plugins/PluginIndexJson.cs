using System.Text.Json;
using Workbench.Contracts;

namespace Workbench.Plugins;

/// <summary>The plugin index's JSON, read and written with <see cref="Utf8JsonReader"/> and
/// <see cref="Utf8JsonWriter"/> directly.</summary>
/// <remarks>Why not the serializer (even source-generated): every <c>wb run</c> reads the index, and the serializer's
/// first use in a process (type metadata, encoded property names) cost about 35 ms of a tiny run's 0.4 s; this reader
/// costs well under a millisecond. Unknown properties are skipped, so an index written by a later build still reads;
/// a missing or mistyped value throws (<see cref="JsonException"/>, <see cref="InvalidOperationException"/>), which
/// the index treats as no index.</remarks>
internal static class PluginIndexJson
{
    public static PluginIndex.IndexFile Parse(ReadOnlySpan<byte> json)
    {
        var reader = new Utf8JsonReader(json, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip });
        string? host = null;
        var plugins = new List<PluginIndex.IndexItem>();
        for (Start(ref reader); NextProperty(ref reader, out var name);)
        {
            switch (name)
            {
                case "Host":
                    host = reader.GetString();
                    break;
                case "Plugins":
                    for (StartArray(ref reader); NextElement(ref reader);)
                    {
                        plugins.Add(Item(ref reader));
                    }

                    break;
                default:
                    reader.Skip();
                    break;
            }
        }

        return new PluginIndex.IndexFile(host ?? throw Missing("Host"), plugins);
    }

    public static void Write(Stream stream, PluginIndex.IndexFile file)
    {
        using var writer = new Utf8JsonWriter(stream);
        writer.WriteStartObject();
        writer.WriteString("Host", file.Host);
        writer.WriteStartArray("Plugins");
        foreach (var item in file.Plugins)
        {
            writer.WriteStartObject();
            writer.WriteString("Fingerprint", item.Fingerprint);
            writer.WritePropertyName("Entry");
            WriteEntry(writer, item.Entry);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
    }

    private static void WriteEntry(Utf8JsonWriter writer, PluginEntry entry)
    {
        writer.WriteStartObject();
        writer.WriteString("Folder", entry.Folder);
        writer.WriteString("Directory", entry.Directory);
        writer.WriteString("AssemblyPath", entry.AssemblyPath);
        writer.WriteString("Status", entry.Status.ToString());
        writer.WriteString("FailureReason", entry.FailureReason);
        if (entry.Metadata is { } metadata)
        {
            writer.WriteStartObject("Metadata");
            writer.WriteString("Id", metadata.Id);
            writer.WriteString("Version", metadata.Version);
            writer.WriteString("Description", metadata.Description);
            writer.WriteString("Authors", metadata.Authors);
            writer.WriteNumber("ContractVersion", metadata.ContractVersion);
            writer.WriteEndObject();
        }

        writer.WriteString("Sha256", entry.Sha256);
        writer.WriteStartArray("Provides");
        foreach (var provided in entry.Provides)
        {
            writer.WriteStartObject();
            writer.WriteString("Kind", provided.Kind);
            writer.WriteString("Id", provided.Id);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteString("FolderSha256", entry.FolderSha256);
        writer.WriteEndObject();
    }

    private static PluginIndex.IndexItem Item(ref Utf8JsonReader reader)
    {
        string? fingerprint = null;
        PluginEntry? entry = null;
        for (Start(ref reader); NextProperty(ref reader, out var name);)
        {
            switch (name)
            {
                case "Fingerprint":
                    fingerprint = reader.GetString();
                    break;
                case "Entry":
                    entry = Entry(ref reader);
                    break;
                default:
                    reader.Skip();
                    break;
            }
        }

        return new PluginIndex.IndexItem(fingerprint ?? throw Missing("Fingerprint"), entry ?? throw Missing("Entry"));
    }

    private static PluginEntry Entry(ref Utf8JsonReader reader)
    {
        string? folder = null, directory = null, assemblyPath = null, failureReason = null, sha256 = null, folderSha256 = null;
        PluginStatus? status = null;
        PluginMetadata? metadata = null;
        var provides = new List<ProvidedComponent>();
        for (Start(ref reader); NextProperty(ref reader, out var name);)
        {
            switch (name)
            {
                case "Folder": folder = reader.GetString(); break;
                case "Directory": directory = reader.GetString(); break;
                case "AssemblyPath": assemblyPath = reader.GetString(); break;
                case "Status": status = Enum.Parse<PluginStatus>(reader.GetString() ?? throw Missing("Status")); break;
                case "FailureReason": failureReason = reader.GetString(); break;
                case "Metadata": metadata = reader.TokenType == JsonTokenType.Null ? null : Metadata(ref reader); break;
                case "Sha256": sha256 = reader.GetString(); break;
                case "FolderSha256": folderSha256 = reader.GetString(); break;
                case "Provides":
                    for (StartArray(ref reader); NextElement(ref reader);)
                    {
                        provides.Add(Provided(ref reader));
                    }

                    break;
                default: reader.Skip(); break;
            }
        }

        return new PluginEntry(
            folder ?? throw Missing("Folder"),
            directory ?? throw Missing("Directory"),
            assemblyPath ?? throw Missing("AssemblyPath"),
            status ?? throw Missing("Status"),
            failureReason,
            metadata,
            sha256 ?? throw Missing("Sha256"),
            provides) { FolderSha256 = folderSha256 ?? "" };
    }

    private static PluginMetadata Metadata(ref Utf8JsonReader reader)
    {
        string? id = null, version = null, description = null, authors = null;
        int? contract = null;
        for (Start(ref reader); NextProperty(ref reader, out var name);)
        {
            switch (name)
            {
                case "Id": id = reader.GetString(); break;
                case "Version": version = reader.GetString(); break;
                case "Description": description = reader.GetString(); break;
                case "Authors": authors = reader.GetString(); break;
                case "ContractVersion": contract = reader.GetInt32(); break;
                default: reader.Skip(); break;
            }
        }

        return new PluginMetadata(
            id ?? throw Missing("Id"), version ?? throw Missing("Version"), description ?? "", authors ?? "", contract ?? throw Missing("ContractVersion"));
    }

    private static ProvidedComponent Provided(ref Utf8JsonReader reader)
    {
        string? kind = null, id = null;
        for (Start(ref reader); NextProperty(ref reader, out var name);)
        {
            switch (name)
            {
                case "Kind": kind = reader.GetString(); break;
                case "Id": id = reader.GetString(); break;
                default: reader.Skip(); break;
            }
        }

        return new ProvidedComponent(kind ?? throw Missing("Kind"), id ?? throw Missing("Id"));
    }

    /// <summary>Checks the reader stands on an object's start (at the very start of the file, moves onto it).</summary>
    private static void Start(ref Utf8JsonReader reader)
    {
        if (reader.TokenType == JsonTokenType.None)
        {
            Next(ref reader);
        }

        Expect(ref reader, JsonTokenType.StartObject);
    }

    /// <summary>Moves to the next property of the object and onto its value, which the caller reads or skips; false
    /// at the object's end.</summary>
    private static bool NextProperty(ref Utf8JsonReader reader, out string name)
    {
        name = "";
        if (Next(ref reader) == JsonTokenType.EndObject)
        {
            return false;
        }

        Expect(ref reader, JsonTokenType.PropertyName);
        name = reader.GetString()!;
        Next(ref reader);
        return true;
    }

    private static void StartArray(ref Utf8JsonReader reader) => Expect(ref reader, JsonTokenType.StartArray);

    /// <summary>Moves onto the array's next element; false at the array's end.</summary>
    private static bool NextElement(ref Utf8JsonReader reader) => Next(ref reader) != JsonTokenType.EndArray;

    private static void Expect(ref Utf8JsonReader reader, JsonTokenType type)
    {
        if (reader.TokenType != type)
        {
            throw new JsonException($"expected {type}, found {reader.TokenType} at byte {reader.TokenStartIndex}");
        }
    }

    private static JsonTokenType Next(ref Utf8JsonReader reader) =>
        reader.Read() ? reader.TokenType : throw new JsonException("the index ends early");

    private static JsonException Missing(string property) => new($"no {property}");
}
