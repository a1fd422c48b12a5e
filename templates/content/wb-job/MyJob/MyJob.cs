using Workbench.Contracts;
using Workbench.Contracts.Jobs;
using Workbench.Contracts.Options;
using Workbench.Contracts.Tasks;

[assembly: WorkbenchPlugin("myjob", WorkbenchContract.Version, Description = "Squares its input", Authors = "me")]

namespace MyJob;

public sealed class MyJobOptions
{
    [Option("offset", "Added to every square")]
    public double Offset { get; init; }
}

/// <summary>The host creates one job per worker slot and calls Run from that slot's thread; the output must depend
/// on the input alone, because a lost peer's inputs are run again elsewhere.</summary>
public sealed class MyJobFactory : IJobFactory
{
    public string Id => "myjob";

    public string Description => "returns input^2 + offset";

    public OptionSchema Options { get; } = OptionSchema.For<MyJobOptions>();

    public IJob Create(OptionValues options) => new SquareJob(Options.Bind<MyJobOptions>(options).Offset);

    private sealed class SquareJob(double offset) : IJob
    {
        public TaskValue Run(TaskValue input, CancellationToken cancellationToken)
        {
            var x = input.Kind == TaskValueKind.Integer ? input.AsInteger() : input.AsReal();
            return TaskValue.FromReal((x * x) + offset);
        }
    }
}
