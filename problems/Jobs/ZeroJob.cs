using Workbench.Contracts.Options;
using Workbench.Contracts.Jobs;
using Workbench.Contracts.Tasks;

namespace Workbench.Problems.Jobs;

public sealed class ZeroOptions
{
    [Option("fail-every", "Every k-th job (inputs k-1, 2k-1, ... by position in an integer input) throws; 0 never. For testing failure reports.", Min = 0)]
    public long FailEvery { get; set; }
}

/// <summary>Returns its input: what is left of a map's cost is the scheduling overhead.</summary>
public sealed class ZeroJobFactory : JobFactory<ZeroOptions>
{
    public override string Id => "zero";

    public override string Description => "Zero work: returns its input (measures scheduling overhead).";

    protected override IJob Create(ZeroOptions options) => new ZeroJob(options.FailEvery);

    private sealed class ZeroJob(long failEvery) : IJob
    {
        public TaskValue Run(TaskValue input, CancellationToken cancellationToken)
        {
            if (failEvery > 0 && input.Kind == TaskValueKind.Integer && (input.AsInteger() + 1) % failEvery == 0)
            {
                throw new InvalidOperationException($"input {input.AsInteger()} fails on purpose (fail-every={failEvery})");
            }

            return input;
        }
    }
}
