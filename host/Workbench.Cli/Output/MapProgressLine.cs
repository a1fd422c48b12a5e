using System.Diagnostics;
using System.Globalization;
using Workbench.Engine.Mapping;

namespace Workbench.Cli.Output;

/// <summary>A progress bar on one terminal line: done/total and jobs per slot, redrawn at most 10 times a second.</summary>
internal sealed class MapProgressLine(TextWriter writer) : IMapObserver
{
    private static readonly long Interval = Stopwatch.Frequency / 10;
    private long _lastDraw;
    private int _width;

    public static MapProgressLine? ForTerminal() => Console.IsErrorRedirected ? null : new MapProgressLine(Console.Error);

    public void OnProgress(MapProgress progress)
    {
        var now = Stopwatch.GetTimestamp();
        if (now - _lastDraw < Interval && progress.Done < progress.Total)
        {
            return;
        }

        _lastDraw = now;
        const int bar = 24;
        var filled = progress.Total == 0 ? bar : (int)((long)bar * progress.Done / progress.Total);
        var slots = string.Join("  ", progress.PerSlot.Select(kv => $"{kv.Key} {kv.Value}"));
        var text = string.Create(CultureInfo.InvariantCulture,
            $"[{new string('#', filled)}{new string('.', bar - filled)}] {progress.Done}/{progress.Total}{(progress.Failed > 0 ? $" ({progress.Failed} failed)" : "")}  {slots}");
        if (text.Length > 160)
        {
            text = text[..157] + "...";
        }

        _width = Math.Max(_width, text.Length);
        writer.Write("\r" + text.PadRight(_width));
    }

    public void Clear()
    {
        if (_width > 0)
        {
            writer.Write("\r" + new string(' ', _width) + "\r");
        }
    }
}
