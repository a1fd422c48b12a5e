using Workbench.Contracts.Tasks;

namespace Workbench.Problems.HeatEquation;

/// <summary>How the bands reach node 0 after the last step, down the chain of <c>left_i</c> tubes: node i &gt; 0 sends
/// its columns in chunks of about a megabyte (so node 0 copies one chunk while node i copies the next), then its
/// metric partial (<see cref="HeatMetrics.Partial"/>), then forwards what the nodes to its right send, in order.
/// Node 0 finishes the metrics and sends <c>[peak, max error]</c> back to node 1, whose result they become.</summary>
/// <remarks>The tubes are queues and every ghost sent during the steps has been taken, so none of this mixes with
/// the ghosts.</remarks>
internal static class HeatGather
{
    /// <summary>Columns per message: about 1 MB.</summary>
    public static int Chunk(int n) => Math.Max(1, (1 << 17) / n);

    /// <summary>Messages node <paramref name="node"/> &gt; 0 sends for itself: its chunks and its partial.</summary>
    public static int Messages(int n, int nodes, int node) => ((Columns(n, nodes, node) + Chunk(n) - 1) / Chunk(n)) + 1;

    /// <summary>Global columns node &gt; 0 sends: its own, and the right boundary column for the last node.</summary>
    public static int Columns(int n, int nodes, int node)
    {
        var (first, end) = HeatStencil.Band(n, nodes, node);
        return end - first + (node == nodes - 1 ? 1 : 0);
    }

    /// <summary>Node i &gt; 0: sends <paramref name="columns"/> (its band from global column first), its partial, and
    /// forwards the farther nodes' messages; node 1 then waits for the metrics.</summary>
    public static TaskValue? Send(ITaskContext context, ReadOnlySpan<double> columns, int n, double[] partial, string toLeft, string fromRight, string fromLeft, CancellationToken cancellationToken)
    {
        var chunk = Chunk(n) * n;
        for (var offset = 0; offset < columns.Length; offset += chunk)
        {
            context.Push(toLeft, TaskValue.FromReals(columns.Slice(offset, Math.Min(chunk, columns.Length - offset))));
        }

        context.Push(toLeft, TaskValue.FromReals(partial));
        for (var node = context.NodeIndex + 1; node < context.NodeCount; node++)
        {
            for (var m = Messages(n, context.NodeCount, node); m > 0; m--)
            {
                context.Push(toLeft, context.Pop(fromRight, cancellationToken: cancellationToken));
            }
        }

        return context.NodeIndex == 1 ? context.Pop(fromLeft, cancellationToken: cancellationToken) : null;
    }

    /// <summary>Node 0: copies every band into <paramref name="field"/>, merges the partials and sends the metrics
    /// to node 1.</summary>
    public static void Receive(ITaskContext context, Span<double> field, int n, double t, double sigma, double[] own, string fromRight, string toRight, CancellationToken cancellationToken)
    {
        var partials = new List<double[]> { own };
        for (var node = 1; node < context.NodeCount; node++)
        {
            var offset = HeatStencil.Band(n, context.NodeCount, node).First * n;
            var end = offset + (Columns(n, context.NodeCount, node) * n);
            for (var m = Messages(n, context.NodeCount, node) - 1; m > 0; m--)
            {
                var chunk = context.Pop(fromRight, cancellationToken: cancellationToken).AsReals();
                if (chunk.Length > end - offset)
                {
                    throw new InvalidOperationException($"node {node} sent more than its band");
                }

                chunk.CopyTo(field[offset..]);
                offset += chunk.Length;
            }

            partials.Add(context.Pop(fromRight, cancellationToken: cancellationToken).AsReals().ToArray());
        }

        var (peak, error) = HeatMetrics.Finish(field, n, t, sigma, partials);
        context.Push(toRight, TaskValue.FromReals([peak, error]));
    }
}
