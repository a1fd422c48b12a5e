using System.Diagnostics;
using System.Globalization;
using Workbench.Engine.Campaigns;

namespace Workbench.Cli.Output;

/// <summary>The campaign's progress on stderr: a redrawn bar with the ETA on a terminal; when stderr is
/// redirected (a log file, a batch job) one plain line at most every ten seconds, so logs stay readable.
/// A failed run is always reported on its own line.</summary>
internal sealed class CampaignProgressBar(TextWriter writer, bool terminal) : IProgress<CampaignProgress>
{
    private const int Width = 30;
    private static readonly long LogInterval = Stopwatch.Frequency * 10;
    private readonly Lock _gate = new();
    private long _lastLog;
    private int _drawn;

    public void Report(CampaignProgress value)
    {
        lock (_gate)
        {
            if (value.LastFailed)
            {
                Clear();
                writer.WriteLine($"wb: run failed: {value.LastRun}");
            }

            var line = Line(value);
            if (terminal)
            {
                writer.Write("\r" + line.PadRight(_drawn));
                _drawn = line.Length;
            }
            else if (Stopwatch.GetTimestamp() - _lastLog >= LogInterval || value.Done == value.Total)
            {
                _lastLog = Stopwatch.GetTimestamp();
                writer.WriteLine(line);
            }
        }
    }

    /// <summary>Removes the bar before the summary is printed.</summary>
    public void Clear()
    {
        if (terminal && _drawn > 0)
        {
            writer.Write("\r" + new string(' ', _drawn) + "\r");
            _drawn = 0;
        }
    }

    public static string Line(CampaignProgress p)
    {
        var filled = p.Total == 0 ? Width : p.Done * Width / p.Total;
        var eta = p.Eta is TimeSpan t ? Format(t) : "?";
        var failed = p.Failed > 0 ? $"  {p.Failed} failed" : "";
        return string.Create(CultureInfo.InvariantCulture, $"[{new string('#', filled)}{new string('.', Width - filled)}] {p.Done}/{p.Total} runs  {Format(p.Elapsed)} elapsed  ETA {eta}{failed}");
    }

    private static string Format(TimeSpan t) =>
        t.TotalHours >= 1 ? $"{(int)t.TotalHours}:{t.Minutes:00}:{t.Seconds:00}" : $"{t.Minutes}:{t.Seconds:00}";
}
