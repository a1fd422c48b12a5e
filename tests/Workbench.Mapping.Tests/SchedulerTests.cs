using Workbench.Contracts.Tasks;
using Workbench.Engine.Mapping;

namespace Workbench.Mapping.Tests;

public sealed class SchedulerTests
{
    private static TaskValue[] Integers(int n) => Enumerable.Range(0, n).Select(i => TaskValue.FromInteger(i)).ToArray();

    [Fact]
    public async Task Results_come_back_in_input_order_with_per_slot_counts()
    {
        var log = new ProgressLog();
        var result = await new MapScheduler().RunAsync(LambdaJobFactory.Square(), Integers(2000), new LocalJobSlots(4), log);

        Assert.True(result.Succeeded);
        Assert.Equal(Enumerable.Range(0, 2000).Select(i => (long)i * i), result.Jobs.Select(j => j.Output!.AsInteger()));
        Assert.Equal(Enumerable.Range(0, 2000), result.Jobs.Select(j => j.Index));
        Assert.Equal(2000, result.Slots.Sum(s => s.Jobs));
        Assert.All(result.Slots, s => Assert.StartsWith("local:", s.Name, StringComparison.Ordinal));
        Assert.Equal(2000, log.Reports[^1].Done);
        Assert.Equal(2000, log.Reports[^1].PerSlot.Values.Sum());
    }

    [Fact]
    public async Task Chunks_grow_for_cheap_jobs_and_stay_at_one_for_slow_jobs()
    {
        var clock = new ManualClock();
        var settings = new MapSettings { Clock = clock };
        var cheap = new ClockedSlot("cheap", clock, TimeSpan.FromMicroseconds(1));
        await new MapScheduler(settings).RunAsync(LambdaJobFactory.Square(), Integers(5000), new FixedSlots(cheap));
        Assert.Equal(1, cheap.ChunkSizes[0]);
        Assert.Equal(settings.MaxChunkSize, cheap.ChunkSizes.Max());

        var slow = new ClockedSlot("slow", clock, TimeSpan.FromSeconds(1));
        await new MapScheduler(settings).RunAsync(LambdaJobFactory.Square(), Integers(20), new FixedSlots(slow));
        Assert.All(slow.ChunkSizes, size => Assert.Equal(1, size));

        // 10 ms per job and a 30 ms target: chunks of 3 once measured.
        var medium = new ClockedSlot("medium", clock, TimeSpan.FromMilliseconds(10));
        await new MapScheduler(settings).RunAsync(LambdaJobFactory.Square(), Integers(100), new FixedSlots(medium));
        Assert.Equal([1, 3, 3], medium.ChunkSizes.Take(3));
    }

    [Fact]
    public void Chunk_size_is_capped_and_shares_the_tail()
    {
        var settings = new MapSettings();
        Assert.Equal(1, ChunkSizing.Next(null, 1000, 4, settings));
        Assert.Equal(512, ChunkSizing.Next(1e-9, 100_000, 4, settings));
        Assert.Equal(1, ChunkSizing.Next(2.0, 100, 4, settings));
        Assert.Equal(13, ChunkSizing.Next(1e-9, 100, 4, settings));
        Assert.Equal(0, ChunkSizing.Next(1e-9, 0, 4, settings));
    }

    [Fact]
    public async Task Jobs_of_a_lost_slot_are_retried_on_the_others()
    {
        var dying = new DyingSlot("peer-a");
        var slots = new FixedSlots(dying, new LocalJobSlot("local:0"), new LocalJobSlot("local:1"));
        var result = await new MapScheduler().RunAsync(LambdaJobFactory.Square(), Integers(300), slots);

        Assert.True(result.Succeeded);
        Assert.Equal(Enumerable.Range(0, 300).Select(i => (long)i * i), result.Jobs.Select(j => j.Output!.AsInteger()));
        var lost = Assert.Single(result.Slots, s => s.Name == "peer-a");
        Assert.True(lost.Lost);
        Assert.Equal(0, lost.Jobs);
        Assert.Contains(result.Jobs, j => j.Attempts == 2);
        Assert.DoesNotContain(result.Jobs, j => j.Slot == "peer-a");
    }

    [Fact]
    public async Task A_job_lost_three_times_fails_with_the_cause_and_the_others_finish()
    {
        // Every dispatch of input 5 kills its peer; a new peer joins before each dispatch.
        var slots = new JoiningSlots(n => new DyingSlot($"peer-{n}", i => i == 5));
        var result = await new MapScheduler().RunAsync(LambdaJobFactory.Square(), Integers(40), slots);

        Assert.Equal([5], result.FailedIndices);
        var failed = result.Jobs[5];
        Assert.Equal(3, failed.Attempts);
        Assert.Contains("lost with its slot 3 times", failed.Error, StringComparison.Ordinal);
        Assert.Contains("stopped answering", failed.Error, StringComparison.Ordinal);
        Assert.All(result.Jobs.Where(j => j.Index != 5), j => Assert.Equal((long)j.Index * j.Index, j.Output!.AsInteger()));
    }

    [Fact]
    public async Task Jobs_fail_when_every_slot_is_lost()
    {
        var result = await new MapScheduler().RunAsync(LambdaJobFactory.Square(), Integers(10), new FixedSlots(new DyingSlot("only")));

        Assert.Equal(Enumerable.Range(0, 10), result.FailedIndices);
        Assert.All(result.Jobs, j => Assert.NotNull(j.Error));
    }

    [Fact]
    public async Task A_job_exception_is_reported_with_its_index_and_not_retried()
    {
        var job = LambdaJobFactory.Job((x, _) => x.AsInteger() == 7 ? throw new InvalidOperationException("bad seven") : x);
        var result = await new MapScheduler().RunAsync(job, Integers(50), new LocalJobSlots(3));

        Assert.Equal([7], result.FailedIndices);
        Assert.Equal(1, result.Jobs[7].Attempts);
        Assert.Contains("input 7", result.Jobs[7].Error, StringComparison.Ordinal);
        Assert.Contains("bad seven", result.Jobs[7].Error, StringComparison.Ordinal);
        Assert.Equal(49, result.Jobs.Count(j => j.Succeeded));
    }

    [Fact]
    public async Task Cancellation_stops_the_map()
    {
        using var started = new SemaphoreSlim(0);
        using var cts = new CancellationTokenSource();
        var job = LambdaJobFactory.Job((x, token) =>
        {
            started.Release();
            token.WaitHandle.WaitOne();
            token.ThrowIfCancellationRequested();
            return x;
        });
        var run = new MapScheduler().RunAsync(job, Integers(100), new LocalJobSlots(2), cancellationToken: cts.Token);
        await started.WaitAsync();
        await cts.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => run);
    }

    [Fact]
    public async Task Added_slots_are_used_while_the_map_runs()
    {
        var slots = new JoiningSlots(n => new LocalJobSlot($"local:{n}"));
        var result = await new MapScheduler().RunAsync(LambdaJobFactory.Square(), Integers(500), slots);

        Assert.True(result.Succeeded);
        Assert.True(result.Slots.Count > 1);
    }
}
