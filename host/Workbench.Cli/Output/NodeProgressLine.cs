using System.Globalization;
using Workbench.Engine.Tasks;

namespace Workbench.Cli.Output;

/// <summary>Per-node progress of a parallel task on one terminal line (the runtime already throttles reports).</summary>
internal sealed class NodeProgressLine : ITaskObserver
{
    private readonly TextWriter _writer;
    private readonly Dictionary<int, double> _fractions = [];
    private readonly object _gate = new();
    private int _width;

    public NodeProgressLine(TextWriter writer)
    {
        _writer = writer;
    }

    public void OnNodeProgress(NodeProgress progress)
    {
        lock (_gate)
        {
            _fractions[progress.Node] = progress.Fraction;
            var text = string.Join("  ", _fractions.OrderBy(kv => kv.Key).Select(kv => string.Create(CultureInfo.InvariantCulture, $"node {kv.Key}: {kv.Value,4:P0}")));
            _width = Math.Max(_width, text.Length);
            _writer.Write("\r" + text.PadRight(_width));
        }
    }

    public void OnNodeFinished(NodeStatistics statistics)
    {
    }

    public void Clear()
    {
        lock (_gate)
        {
            if (_width > 0)
            {
                _writer.Write("\r" + new string(' ', _width) + "\r");
            }
        }
    }
}
