using System.Globalization;

namespace Workbench.Tui.Runs;

/// <summary>The Runs table's state: the rows, a filter, a sort column and the runs marked for comparison.</summary>
public sealed class RunTableModel
{
    public static readonly string[] Columns = ["algorithm", "problem", "dim", "status", "best", "evals", "date", "tags"];

    private readonly HashSet<string> _marked = new(StringComparer.Ordinal);

    public IReadOnlyList<RunRow> All { get; private set; } = [];

    /// <summary>Space-separated words; a row is shown when every word occurs in one of its cells (any case).</summary>
    public string Filter { get; set; } = "";

    /// <summary>Index into <see cref="Columns"/>; date by default.</summary>
    public int SortColumn { get; set; } = 6;

    public bool Descending { get; set; } = true;

    public IReadOnlyCollection<string> Marked => _marked;

    public void SetRows(IReadOnlyList<RunRow> rows)
    {
        All = rows;
        _marked.IntersectWith(rows.Select(r => r.Id));
    }

    public void ToggleMark(string id)
    {
        if (!_marked.Remove(id))
        {
            _marked.Add(id);
        }
    }

    public bool IsMarked(string id) => _marked.Contains(id);

    /// <summary>Cycles the sort: next column, or the same column the other way round.</summary>
    public void SortBy(int column)
    {
        if (column == SortColumn)
        {
            Descending = !Descending;
        }
        else
        {
            (SortColumn, Descending) = (column, false);
        }
    }

    public IReadOnlyList<RunRow> Visible()
    {
        var words = Filter.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var rows = All.Where(r => words.All(w => Cells(r).Any(c => c.Contains(w, StringComparison.OrdinalIgnoreCase))));
        Func<RunRow, IComparable> key = SortColumn switch
        {
            0 => r => r.Algorithm,
            1 => r => r.Problem,
            2 => r => r.Dimension,
            3 => r => r.Status,
            4 => r => r.Best,
            5 => r => r.Evaluations,
            7 => r => string.Join(",", r.Tags),
            _ => r => r.Started,
        };
        return (Descending ? rows.OrderByDescending(key) : rows.OrderBy(key)).ToArray();
    }

    public static string[] Cells(RunRow r) =>
    [
        r.Algorithm, r.Problem, r.Dimension.ToString(CultureInfo.InvariantCulture), r.Status,
        r.Best.ToString("G6", CultureInfo.InvariantCulture), r.Evaluations.ToString(CultureInfo.InvariantCulture),
        r.Started.ToLocalTime().ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture), string.Join(",", r.Tags),
    ];
}
