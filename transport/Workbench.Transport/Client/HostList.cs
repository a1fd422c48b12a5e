using System.Globalization;
using System.Text;

namespace Workbench.Transport.Client;

/// <summary>Slurm's compressed host lists, as in <c>SLURM_JOB_NODELIST</c>: <c>node[01-03,07],gpu1,rack[1-2]-n[1-2]</c>
/// expands to node01, node02, node03, node07, gpu1, rack1-n1, rack1-n2, rack2-n1, rack2-n2 (zero padding kept).</summary>
public static class HostList
{
    /// <exception cref="FormatException">Unbalanced brackets or a bad range.</exception>
    public static IReadOnlyList<string> Expand(string list)
    {
        var hosts = new List<string>();
        foreach (var item in SplitTopLevel(list, ','))
        {
            hosts.AddRange(ExpandOne(item.Trim()));
        }

        return hosts.Where(h => h.Length > 0).ToArray();
    }

    private static IEnumerable<string> ExpandOne(string item)
    {
        var open = item.IndexOf('[', StringComparison.Ordinal);
        if (open < 0)
        {
            return [item];
        }

        var close = item.IndexOf(']', open);
        if (close < 0)
        {
            throw new FormatException($"host list item '{item}' has an unclosed '['");
        }

        var prefix = item[..open];
        var rest = ExpandOne(item[(close + 1)..]).ToArray();
        return Ranges(item[(open + 1)..close], item).SelectMany(n => rest.Select(r => prefix + n + r));
    }

    private static IEnumerable<string> Ranges(string body, string item)
    {
        foreach (var part in body.Split(','))
        {
            var dash = part.IndexOf('-', StringComparison.Ordinal);
            if (dash < 0)
            {
                yield return part;
                continue;
            }

            var (from, to) = (part[..dash], part[(dash + 1)..]);
            if (!int.TryParse(from, NumberStyles.None, CultureInfo.InvariantCulture, out var lo) || !int.TryParse(to, NumberStyles.None, CultureInfo.InvariantCulture, out var hi) || hi < lo || hi - lo > 100_000)
            {
                throw new FormatException($"host list item '{item}' has a bad range '{part}'");
            }

            for (var n = lo; n <= hi; n++)
            {
                yield return n.ToString(CultureInfo.InvariantCulture).PadLeft(from.Length, '0');
            }
        }
    }

    private static IEnumerable<string> SplitTopLevel(string text, char separator)
    {
        var depth = 0;
        var current = new StringBuilder();
        foreach (var c in text)
        {
            depth += c == '[' ? 1 : c == ']' ? -1 : 0;
            if (c == separator && depth == 0)
            {
                yield return current.ToString();
                current.Clear();
            }
            else
            {
                current.Append(c);
            }
        }

        yield return current.ToString();
    }
}
