using Workbench.Contracts.Options;
using Workbench.Contracts.Jobs;
using Workbench.Contracts.Tasks;

namespace Workbench.Problems.Jobs;

public sealed class SleepOptions
{
    [Option("seconds", "How long each job waits, in seconds.", Min = 0)]
    public double Seconds { get; set; } = 1;
}

/// <summary>Waits without using a core and returns its input: with n slots, m jobs of s seconds should take
/// about ceil(m / n) x s, so any gap is the scheduler's.</summary>
public sealed class SleepJobFactory : JobFactory<SleepOptions>
{
    public override string Id => "sleep";

    public override string Description => "Waits 'seconds' (no CPU) and returns its input: the scheduler's yardstick.";

    protected override IJob Create(SleepOptions options) => new SleepJob(TimeSpan.FromSeconds(options.Seconds));

    private sealed class SleepJob(TimeSpan wait) : IJob
    {
        public TaskValue Run(TaskValue input, CancellationToken cancellationToken)
        {
            // A wait handle rather than Thread.Sleep: cancellation ends the wait at once.
            if (wait > TimeSpan.Zero && cancellationToken.WaitHandle.WaitOne(wait))
            {
                cancellationToken.ThrowIfCancellationRequested();
            }

            return input;
        }
    }
}
