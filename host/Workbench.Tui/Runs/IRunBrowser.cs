namespace Workbench.Tui.Runs;

/// <summary>What the Runs screen needs from the run store and the reports. The UI never touches storage directly:
/// the CLI's composition root adapts the store and the reporting code (the same code behind <c>wb runs ...</c>).</summary>
public interface IRunBrowser
{
    /// <summary>Every stored run, newest first.</summary>
    IReadOnlyList<RunRow> List();

    /// <summary>Best-so-far against evaluations, as stored.</summary>
    IReadOnlyList<(double Evaluations, double Best)> History(string runId);

    void Delete(string runId);

    void Tag(string runId, string tag);

    /// <summary>Writes the runs' histories as CSV; returns the file written.</summary>
    string ExportCsv(IReadOnlyList<string> runIds, string path);

    /// <summary>Draws the runs' convergence curves into a PNG; returns the file written.</summary>
    string ExportPng(IReadOnlyList<string> runIds, string path);

    /// <summary>The summary table of <c>wb runs compare</c> for these runs.</summary>
    TextTableData Compare(IReadOnlyList<string> runIds);
}

/// <summary>One stored run as the table shows it. <paramref name="Configuration"/> is the options text (and
/// anything else but the seed that makes two runs different), used to group runs that differ only in seed;
/// <paramref name="GroupLabel"/> is "algorithm/problem", each with the options that differ from its defaults.</summary>
public sealed record RunRow(
    string Id,
    string Algorithm,
    string Problem,
    int Dimension,
    string Status,
    double Best,
    long Evaluations,
    DateTimeOffset Started,
    IReadOnlyList<string> Tags,
    ulong Seed,
    string Configuration = "",
    string GroupLabel = "");

/// <summary>A table as text: headers and rows of cells.</summary>
public sealed record TextTableData(IReadOnlyList<string> Headers, IReadOnlyList<IReadOnlyList<string>> Rows);
