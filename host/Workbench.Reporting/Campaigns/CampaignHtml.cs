using System.Globalization;
using System.Net;
using System.Text;

namespace Workbench.Reporting.Campaigns;

/// <summary>Writes a campaign report into a folder: <c>index.html</c> (self-contained apart from the PNGs beside
/// it, no scripts, no network), one ECDF PNG per function group and dimension, and <c>ert.csv</c> with every ERT.</summary>
public static class CampaignHtml
{
    private static readonly CultureInfo C = CultureInfo.InvariantCulture;

    public static string Write(CampaignReport report, string folder)
    {
        ArgumentNullException.ThrowIfNull(report);
        Directory.CreateDirectory(folder);
        File.WriteAllText(Path.Combine(folder, "ert.csv"), ErtCsv(report));
        var html = new StringBuilder();
        html.Append(C, $$"""
            <!DOCTYPE html>
            <html lang="en"><head><meta charset="utf-8"><title>Campaign {{E(report.Name)}}</title>
            <style>body{font-family:sans-serif;margin:2em} table{border-collapse:collapse;margin-bottom:1.5em}
            td,th{border:1px solid #bbb;padding:2px 6px;text-align:right} th:first-child,td:first-child{text-align:left}
            .unsolved{color:#999}</style></head><body>
            <h1>Campaign {{E(report.Name)}}</h1>
            <p>{{report.Trials}} completed runs. ERT (COCO): evaluations summed over all runs, a run that missed the target
            counting its whole budget used, divided by the runs that reached it; ∞ when none did. A target is a
            precision: best − f<sub>opt</sub>. Runtimes are read at the end of the iteration that reached the target. The last
            column is the median precision at the end of the runs with a 95% percentile-bootstrap interval (seeded).
            <code>ert.csv</code> holds every value below.</p>
            <h2>Runtime ECDFs</h2>
            """);
        foreach (var figure in report.Ecdfs.GroupBy(c => (c.Group.Id, c.Dimension)))
        {
            var file = $"ecdf-{figure.Key.Id}-{figure.Key.Dimension}d.png";
            var title = $"{figure.First().Group.Title}, {figure.Key.Dimension}-D";
            EcdfPlot.SavePng(Path.Combine(folder, file), title, figure.ToList());
            html.Append(C, $"<figure><img src=\"{file}\" alt=\"{E(title)}\" width=\"800\"><figcaption>{E(title)}</figcaption></figure>\n");
        }

        html.Append("<h2>ERT and success rate</h2>\n");
        foreach (var table in report.Erts.GroupBy(e => (e.Problem, e.Dimension)))
        {
            html.Append(C, $"<h3>{E(table.Key.Problem)}, {table.Key.Dimension}-D</h3>\n<table><tr><th>algorithm</th>");
            foreach (var target in report.Targets)
            {
                html.Append(C, $"<th>{target:0e+0}</th>");
            }

            html.Append("<th>median final precision [95% CI]</th></tr>\n");
            foreach (var row in table.GroupBy(e => e.Algorithm))
            {
                html.Append(C, $"<tr><td>{E(row.Key)}</td>");
                foreach (var cell in row)
                {
                    var ert = cell.Ert;
                    html.Append(ert.Successes == 0
                        ? $"<td class=\"unsolved\">∞ 0/{ert.Trials}</td>"
                        : $"<td>{Evaluations(ert.Value)} {ert.Successes}/{ert.Trials}</td>");
                }

                var final = report.Finals.Single(f => f.Algorithm == row.Key && f.Problem == table.Key.Problem && f.Dimension == table.Key.Dimension).Median;
                html.Append(C, $"<td>{final.Estimate:0.0e+0} [{final.Lower:0.0e+0}, {final.Upper:0.0e+0}]</td>");

                html.Append("</tr>\n");
            }

            html.Append("</table>\n");
        }

        html.Append("</body></html>\n");
        var index = Path.Combine(folder, "index.html");
        File.WriteAllText(index, html.ToString());
        return Path.GetFullPath(index);
    }

    public static string ErtCsv(CampaignReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var csv = new StringBuilder("algorithm,problem,dimension,target,ert,successes,trials\n");
        foreach (var e in report.Erts)
        {
            csv.Append(C, $"{Csv.Escape(e.Algorithm)},{Csv.Escape(e.Problem)},{e.Dimension},{e.Target:R},{(e.Ert.Successes == 0 ? "inf" : e.Ert.Value.ToString("R", C))},{e.Ert.Successes},{e.Ert.Trials}\n");
        }

        return csv.ToString();
    }

    /// <summary>Whole evaluations below 100,000, else three significant digits: columns stay narrow and comparable.</summary>
    private static string Evaluations(double value) => value < 1e5 ? value.ToString("0", C) : value.ToString("0.00e+0", C);

    private static string E(string text) => WebUtility.HtmlEncode(text);
}
