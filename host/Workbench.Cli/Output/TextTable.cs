using System.Text;

namespace Workbench.Cli.Output;

/// <summary>A plain left-aligned text table for terminal output.</summary>
internal sealed class TextTable
{
    private readonly string[] _headers;
    private readonly List<string[]> _rows = [];

    public TextTable(params string[] headers)
    {
        _headers = headers;
    }

    /// <summary>Cells may hold user text (names, tags): control characters are escaped so a row stays one line.</summary>
    public void Add(params string[] cells) => _rows.Add(cells.Select(Engine.Validation.ControlText.Escape).ToArray());

    public override string ToString()
    {
        var widths = _headers.Select((h, i) => Math.Max(h.Length, _rows.Count == 0 ? 0 : _rows.Max(r => r[i].Length))).ToArray();
        var sb = new StringBuilder();
        Line(sb, _headers, widths);
        foreach (var row in _rows)
        {
            Line(sb, row, widths);
        }

        return sb.ToString();
    }

    private static void Line(StringBuilder sb, string[] cells, int[] widths)
    {
        for (var i = 0; i < cells.Length; i++)
        {
            sb.Append(i == cells.Length - 1 ? cells[i] : cells[i].PadRight(widths[i] + 2));
        }

        sb.AppendLine();
    }
}
