using System.Text;
using Workbench.Engine.Archive;
using Xunit;

namespace Workbench.Reporting.Tests;

/// <summary>The streaming export writes exactly the bytes the whole-history export wrote, however the history is cut
/// into pieces: odd values (NaN, ±∞, subnormals), runs with different extras, fields that need CSV quoting.</summary>
[Trait("kind", "unit")]
public sealed class StreamingExportTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    [InlineData(1000)]
    public void Csv_and_json_match_the_whole_history_export_byte_for_byte(int pieceRows)
    {
        var data = Sample();
        var runs = data.Select(r => new ExportRun(r.Run, [.. r.History.Extras.Keys], () => Pieces(r.History, pieceRows))).ToList();

        var csv = new MemoryStream();
        HistoryExport.WriteCsv(csv, runs);
        Assert.Equal(ReferenceExport.ToCsv(data), Encoding.UTF8.GetString(csv.ToArray()));
        Assert.Equal(Encoding.UTF8.GetBytes(ReferenceExport.ToCsv(data)), csv.ToArray());

        var json = new MemoryStream();
        HistoryExport.WriteJson(json, runs);
        Assert.Equal(ReferenceExport.ToJson(data) + "\n", Encoding.UTF8.GetString(json.ToArray()));
        Assert.Equal(Encoding.UTF8.GetBytes(ReferenceExport.ToJson(data) + "\n"), json.ToArray());

        Assert.Equal(ReferenceExport.ToCsv(data), HistoryExport.ToCsv(data));
        Assert.Equal(ReferenceExport.ToJson(data) + "\n", HistoryExport.ToJson(data));
    }

    private static List<RunData> Sample()
    {
        var odd = Runs.Make([double.NaN, double.PositiveInfinity, 1e-310, double.Epsilon, 0.1 + 0.2, -0.0, double.MaxValue, 7], algorithm: "a,\"b\"");
        var plain = Runs.Make([.. Enumerable.Range(1, 2500).Select(i => 1.0 / i)], seed: ulong.MaxValue);
        var wider = Runs.Make([4, 2, 1, double.NegativeInfinity], seed: 3);
        wider = wider with
        {
            Run = wider.Run with { Description = wider.Run.Description with { ExtraNames = ["sigma", "ratio é,\n"] } },
            History = new RunHistory(wider.History.Iteration, wider.History.Evaluations, wider.History.Best, wider.History.IterationBest,
                wider.History.Mean, wider.History.Elapsed, new Dictionary<string, double[]> { ["sigma"] = [1, 2, 3, 4], ["ratio é,\n"] = [double.NaN, -1, 1e300, 0] }),
        };
        var none = Runs.Make([1, 0.5], seed: 9);
        none = none with
        {
            History = new RunHistory(none.History.Iteration, none.History.Evaluations, none.History.Best, none.History.IterationBest,
                none.History.Mean, none.History.Elapsed, new Dictionary<string, double[]>()),
        };
        var empty = Runs.Make([1], seed: 11);
        empty = empty with { History = RunHistory.Empty(["sigma"]) };
        return [odd, plain, wider, none, empty];
    }

    /// <summary>A history cut into pieces of <paramref name="rows"/> rows, as the store hands out its chunks.</summary>
    private static IEnumerable<RunHistory> Pieces(RunHistory h, int rows)
    {
        for (var from = 0; from < h.Count; from += rows)
        {
            var n = Math.Min(rows, h.Count - from);
            yield return new RunHistory(h.Iteration[from..(from + n)], h.Evaluations[from..(from + n)], h.Best[from..(from + n)],
                h.IterationBest[from..(from + n)], h.Mean[from..(from + n)], h.Elapsed[from..(from + n)],
                h.Extras.ToDictionary(e => e.Key, e => e.Value[from..(from + n)], StringComparer.Ordinal));
        }
    }
}
