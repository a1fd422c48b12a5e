using Workbench.Contracts.Jobs;
using Workbench.Contracts.Options;
using Workbench.Contracts.Tasks;
using Workbench.Engine.Catalog;
using Workbench.Engine.Mapping;

namespace Workbench.Mapping.Tests;

/// <summary>A job written inline: integer input to integer output.</summary>
internal sealed class LambdaJobFactory(Func<TaskValue, CancellationToken, TaskValue> run) : IJobFactory, IJob
{
    public string Id => "lambda";

    public string Description => "test job";

    public OptionSchema Options => OptionSchema.Empty;

    public IJob Create(OptionValues options) => this;

    public TaskValue Run(TaskValue input, CancellationToken cancellationToken) => run(input, cancellationToken);

    public static MapJob Job(Func<TaskValue, CancellationToken, TaskValue> run) =>
        MapJob.Resolve(new Registered<IJobFactory>(new LambdaJobFactory(run), ComponentOrigin.InProcess("tests")), new Dictionary<string, string>());

    public static MapJob Square() => Job((x, _) => TaskValue.FromInteger(x.AsInteger() * x.AsInteger()));
}

/// <summary>A clock only the test moves, so measured job times and thus chunk sizes are exact.</summary>
internal sealed class ManualClock : TimeProvider
{
    private long _ticks;

    public override long TimestampFrequency => TimeSpan.TicksPerSecond;

    public override long GetTimestamp() => Interlocked.Read(ref _ticks);

    public void Advance(TimeSpan by) => Interlocked.Add(ref _ticks, by.Ticks);
}

/// <summary>Runs chunks inline with the real local code, moving the manual clock by a fixed cost per job, and
/// remembers the chunk sizes it was given.</summary>
internal sealed class ClockedSlot(string name, ManualClock clock, TimeSpan costPerJob) : IJobSlot
{
    public List<int> ChunkSizes { get; } = [];

    public string Name { get; } = name;

    public ValueTask<IReadOnlyList<JobResult>> RunAsync(MapJob job, IReadOnlyList<(int Index, TaskValue Input)> chunk, CancellationToken cancellationToken)
    {
        ChunkSizes.Add(chunk.Count);
        clock.Advance(costPerJob * chunk.Count);
        return new(LocalJobSlot.RunAll(job, chunk, cancellationToken));
    }
}

/// <summary>A slot whose peer dies whenever its chunk holds a poisoned index (or always, with no poison given).</summary>
internal sealed class DyingSlot(string name, Func<int, bool>? poisoned = null) : IJobSlot
{
    public string Name { get; } = name;

    public ValueTask<IReadOnlyList<JobResult>> RunAsync(MapJob job, IReadOnlyList<(int Index, TaskValue Input)> chunk, CancellationToken cancellationToken)
    {
        if (poisoned is null || chunk.Any(c => poisoned(c.Index)))
        {
            throw new JobSlotLostException(Name, $"peer {Name} stopped answering");
        }

        return new(LocalJobSlot.RunAll(job, chunk, cancellationToken));
    }
}

/// <summary>A fixed list of slots.</summary>
internal sealed class FixedSlots(params IJobSlot[] slots) : IJobSlotSource
{
    public IReadOnlyList<IJobSlot> Current() => slots;
}

/// <summary>A new peer joins before every dispatch (each one a fresh slot), as a provider of peers would add them.</summary>
internal sealed class JoiningSlots(Func<int, IJobSlot> create) : IJobSlotSource
{
    private readonly List<IJobSlot> _slots = [];

    public IReadOnlyList<IJobSlot> Current()
    {
        _slots.Add(create(_slots.Count));
        return _slots;
    }
}

internal sealed class ProgressLog : IMapObserver
{
    public List<MapProgress> Reports { get; } = [];

    public void OnProgress(MapProgress progress) => Reports.Add(progress);
}
