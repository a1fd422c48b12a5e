using System.Globalization;
using System.Text;
using Workbench.Contracts;

namespace Workbench.Plugins;

/// <summary>The plugin index as text: a header line, a <c>host</c> line, and one tab-separated <c>plugin</c> line
/// per folder (fingerprint, folder, directory, assembly path, status, failure reason, metadata id, version,
/// description, authors and contract version, SHA-256, folder SHA-256, then kind and id of each factory). In a field,
/// <c>\\</c>, <c>\t</c>, <c>\n</c> and <c>\r</c> stand for themselves escaped, and a field that is just <c>\-</c> is
/// null (no failure reason; no metadata, in all five of its fields).</summary>
/// <remarks>Why not JSON: every <c>wb run</c> reads the index, and even <c>Utf8JsonReader</c> cost 10-15 ms of a tiny
/// run in its first use (its static tables and vectorised searches), where splitting lines costs well under a
/// millisecond. A malformed file throws <see cref="FormatException"/> (or <see cref="ArgumentException"/> for an
/// unknown status), which the index treats as no index.</remarks>
internal static class PluginIndexText
{
    private const string Header = "wb-plugin-index 1";
    private const string Null = "\\-";
    private const int FixedFields = 14;

    public static PluginIndex.IndexFile Parse(string text)
    {
        var lines = text.Split('\n');
        if (lines[0] != Header)
        {
            throw new FormatException("not a plugin index (its first line)");
        }

        string? host = null;
        var plugins = new List<PluginIndex.IndexItem>();
        foreach (var line in lines.AsSpan(1))
        {
            var fields = line.Split('\t');
            switch (fields[0])
            {
                case "host" when fields.Length == 2:
                    host = Unescape(fields[1]) ?? throw new FormatException("a null host");
                    break;
                case "plugin" when fields.Length >= FixedFields && (fields.Length - FixedFields) % 2 == 0:
                    plugins.Add(Item(fields));
                    break;
                case "" when fields.Length == 1:
                    break; // the final line break
                default:
                    throw new FormatException($"an unreadable line: {fields[0]} with {fields.Length} fields");
            }
        }

        return new PluginIndex.IndexFile(host ?? throw new FormatException("no host line"), plugins);
    }

    public static string Write(PluginIndex.IndexFile file)
    {
        var text = new StringBuilder().Append(Header).Append('\n');
        text.Append("host\t").Append(Escape(file.Host)).Append('\n');
        foreach (var (fingerprint, entry) in file.Plugins)
        {
            var metadata = entry.Metadata;
            string?[] fields =
            [
                "plugin", fingerprint, entry.Folder, entry.Directory, entry.AssemblyPath, entry.Status.ToString(), entry.FailureReason,
                metadata?.Id, metadata?.Version, metadata?.Description, metadata?.Authors, metadata?.ContractVersion.ToString(CultureInfo.InvariantCulture),
                entry.Sha256, entry.FolderSha256,
                .. entry.Provides.SelectMany(p => new[] { p.Kind, p.Id }),
            ];
            text.AppendJoin('\t', fields.Select((f, i) => i == 0 ? f : Escape(f))).Append('\n');
        }

        return text.ToString();
    }

    private static PluginIndex.IndexItem Item(string[] fields)
    {
        string Required(int i) => Unescape(fields[i]) ?? throw new FormatException($"field {i} of a plugin line is null");
        var id = Unescape(fields[7]);
        var metadata = id is null
            ? null
            : new PluginMetadata(id, Required(8), Required(9), Required(10), int.Parse(Required(11), NumberStyles.None, CultureInfo.InvariantCulture));
        var provides = new List<ProvidedComponent>();
        for (var i = FixedFields; i < fields.Length; i += 2)
        {
            provides.Add(new ProvidedComponent(Required(i), Required(i + 1)));
        }

        var entry = new PluginEntry(
            Required(2),
            Required(3),
            Required(4),
            Enum.Parse<PluginStatus>(Required(5)),
            Unescape(fields[6]),
            metadata,
            Required(12),
            provides) { FolderSha256 = Required(13) };
        return new PluginIndex.IndexItem(Required(1), entry);
    }

    private static string Escape(string? value)
    {
        if (value is null)
        {
            return Null;
        }

        return value.AsSpan().IndexOfAny("\\\t\n\r") < 0
            ? value
            : value.Replace("\\", "\\\\").Replace("\t", "\\t").Replace("\n", "\\n").Replace("\r", "\\r");
    }

    private static string? Unescape(string field)
    {
        if (field == Null)
        {
            return null;
        }

        if (!field.Contains('\\'))
        {
            return field;
        }

        var text = new StringBuilder(field.Length);
        for (var i = 0; i < field.Length; i++)
        {
            if (field[i] != '\\')
            {
                text.Append(field[i]);
                continue;
            }

            text.Append(++i < field.Length ? field[i] switch
            {
                '\\' => '\\',
                't' => '\t',
                'n' => '\n',
                'r' => '\r',
                _ => throw new FormatException($"an unknown escape \\{field[i]}"),
            } : throw new FormatException("a field ends in a lone backslash"));
        }

        return text.ToString();
    }
}
