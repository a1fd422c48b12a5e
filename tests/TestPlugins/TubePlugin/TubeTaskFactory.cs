using Workbench.Contracts;
using Workbench.Contracts.Options;
using Workbench.Contracts.Tasks;

[assembly: WorkbenchPlugin("tubetests", WorkbenchContract.Version, Description = "Two-node tasks that exercise tubes: flow control, deadlock, cancellation and failure.")]

namespace TubePlugin;

public enum TubeMode
{
    /// <summary>Node 0 pushes N values on 'data', then one on 'go'; node 1 pops 'go' first, then the N values.
    /// Completes only while N fits in a tube: a bounded tube turns a larger N into a deadlock.</summary>
    Stream,

    /// <summary>Node 0 pushes N values on 'data' and pops 'done'; node 1 pops the N values and pushes 'done'.</summary>
    Echo,

    /// <summary>Both nodes pop first: a plain deadlock.</summary>
    Deadlock,

    /// <summary>Both nodes run until cancelled.</summary>
    Hang,

    /// <summary>Node 1 throws.</summary>
    Fail,

    /// <summary>Echo with the async calls: node 0 sends N values with PushAsync and completes 'data'; node 1 pops
    /// with PopAsync until the completion, then sends the sum back; node 0 pops it with PopAsync.</summary>
    AsyncEcho,

    /// <summary>Node 0 completes 'data' with an error; node 1's pop gets it (and fails the task with it).</summary>
    CompleteWithError,
}

public sealed class TubeOptions
{
    [Option("mode", "What the two nodes do")]
    public TubeMode Mode { get; set; } = TubeMode.Echo;

    [Option("values", "Values node 0 sends", Min = 0)]
    public int Values { get; set; } = 10;
}

public sealed class TubeTaskFactory : ParallelTaskFactory<TubeOptions>
{
    public override string Id => "tubes";

    public override string Description => "Two nodes that exercise tubes (see the mode option).";

    public override IParallelTask CreateNode() => new TubeNode();

    protected override TaskLayout Plan(TubeOptions options, ulong seed)
    {
        var arguments = TaskArguments.With("mode", (long)options.Mode).And("values", (long)options.Values);
        return new TaskLayout([arguments, arguments],
            new TubeTopology([new TubeLink("data", 0, 1), new TubeLink("go", 0, 1), new TubeLink("done", 1, 0)]));
    }

    protected override TaskResult Combine(TubeOptions options, IReadOnlyList<TaskValue> nodeResults) =>
        new(TaskValue.FromInteger(nodeResults.Sum(r => r.AsInteger())));
}

public sealed class TubeNode : IParallelTask
{
    private ITaskContext? _context;
    private TubeMode _mode;
    private int _values;
    private long _result;

    public void Initialize(ITaskContext context, TaskArguments arguments)
    {
        _context = context;
        _mode = (TubeMode)arguments.Integer("mode");
        _values = arguments.Int32("values");
    }

    public void Run(CancellationToken cancellationToken)
    {
        var context = _context!;
        var first = context.NodeIndex == 0;
        switch (_mode)
        {
            case TubeMode.Stream when first:
                Send(context, _values);
                context.Push("go", TaskValue.FromInteger(1));
                break;
            case TubeMode.Stream:
                context.Pop("go");
                _result = Receive(context, _values);
                break;
            case TubeMode.Echo when first:
                Send(context, _values);
                _result = context.Pop("done").AsInteger();
                break;
            case TubeMode.Echo:
                context.Push("done", TaskValue.FromInteger(Receive(context, _values)));
                break;
            case TubeMode.Deadlock:
                context.Pop(first ? "done" : "data");
                break;
            case TubeMode.Hang:
                while (true)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    Thread.Sleep(10);
                }

            case TubeMode.Fail when !first:
                throw new InvalidOperationException("node one gave up");
            case TubeMode.AsyncEcho:
                _result = AsyncEchoAsync(context, first, _values, cancellationToken).GetAwaiter().GetResult();
                break;
            case TubeMode.CompleteWithError when first:
                context.Complete("data", "sensor 3 failed");
                break;
            case TubeMode.CompleteWithError:
                context.Pop("data");
                break;
            default:
                break;
        }
    }

    public TaskValue GetResult() => TaskValue.FromInteger(_result);

    private static async Task<long> AsyncEchoAsync(ITaskContext context, bool first, int values, CancellationToken cancellationToken)
    {
        if (first)
        {
            for (var i = 0; i < values; i++)
            {
                await context.PushAsync("data", TaskValue.FromInteger(i), cancellationToken);
            }

            context.Complete("data");
            return (await context.PopAsync("done", cancellationToken: cancellationToken)).AsInteger();
        }

        long sum = 0;
        while (true)
        {
            try
            {
                sum += (await context.PopAsync("data", cancellationToken: cancellationToken)).AsInteger();
            }
            catch (TubeCompletedException)
            {
                break;
            }
        }

        await context.PushAsync("done", TaskValue.FromInteger(sum), cancellationToken);
        return 0;
    }

    private static void Send(ITaskContext context, int values)
    {
        for (var i = 0; i < values; i++)
        {
            context.Push("data", TaskValue.FromInteger(i));
        }
    }

    private static long Receive(ITaskContext context, int values)
    {
        long sum = 0;
        for (var i = 0; i < values; i++)
        {
            sum += context.Pop("data").AsInteger();
        }

        return sum;
    }
}
