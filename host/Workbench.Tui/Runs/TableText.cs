namespace Workbench.Tui.Runs;

/// <summary>Lays a <see cref="TextTableData"/> out in aligned columns.</summary>
public static class TableText
{
    public static string Format(TextTableData table)
    {
        var widths = table.Headers.Select((h, i) => table.Rows.Select(r => i < r.Count ? r[i].Length : 0).Append(h.Length).Max()).ToArray();
        string Line(IReadOnlyList<string> cells) =>
            string.Join("  ", widths.Select((w, i) => (i < cells.Count ? cells[i] : "").PadRight(w))).TrimEnd();
        return string.Join("\n", table.Rows.Select(Line).Prepend(Line(table.Headers)));
    }
}
