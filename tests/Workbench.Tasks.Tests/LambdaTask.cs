using Workbench.Contracts.Options;
using Workbench.Contracts.Tasks;
using Workbench.Engine.Tasks;

namespace Workbench.Tasks.Tests;

/// <summary>A task whose node body is a delegate, with a hand-written topology, for runtime tests.</summary>
internal sealed class LambdaTask(string id, int nodes, TubeTopology topology, Func<ITaskContext, CancellationToken, TaskValue> body)
    : IParallelTaskFactory
{
    public string Id => id;

    public string Description => "test task";

    public OptionSchema Options => OptionSchema.Empty;

    /// <summary>When set, CreateNode returns null for this node (a plugin bug the runtime must catch).</summary>
    public int? MissingNode { get; init; }

    private int _created;

    public TaskLayout Plan(OptionValues options, ulong seed) =>
        new(Enumerable.Range(0, nodes).Select(_ => TaskArguments.Empty), topology);

    public IParallelTask CreateNode() => _created++ == MissingNode ? null! : new Node(body);

    public TaskResult Combine(OptionValues options, IReadOnlyList<TaskValue> nodeResults) => new(nodeResults[0]);

    public TaskExecution Execute(TaskRunSettings? settings = null, ITaskObserver? observer = null, ulong seed = 7) =>
        new LocalTaskRuntime(settings).ExecuteAsync(new TaskJob(this, Plan(OptionSchema.Empty.Defaults, seed), seed), observer, CancellationToken.None).GetAwaiter().GetResult();

    private sealed class Node(Func<ITaskContext, CancellationToken, TaskValue> body) : IParallelTask
    {
        private ITaskContext? _context;
        private TaskValue? _result;

        public void Initialize(ITaskContext context, TaskArguments arguments) => _context = context;

        public void Run(CancellationToken cancellationToken) => _result = body(_context!, cancellationToken);

        public TaskValue GetResult() => _result!;
    }
}
