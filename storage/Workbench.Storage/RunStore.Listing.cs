using LiteDB;
using Workbench.Engine.Archive;
using Workbench.Engine.Running;

namespace Workbench.Storage;

/// <summary>Listing: through the indexes, never reading history; damaged runs set apart, not shown.</summary>
public sealed partial class RunStore
{
    public IReadOnlyList<RunRecord> List(RunQuery query) => ListChecked(query).Runs;

    /// <summary>The runs a query finds, with those whose document fails its checks set apart: one damaged run
    /// must not hide the others, nor be shown with made-up values.</summary>
    public RunListing ListChecked(RunQuery query)
    {
        if (_db is null)
        {
            return new RunListing([], []);
        }

        return Guard(() =>
        {
            var runs = _db.GetCollection(Collections.Runs);
            var q = runs.Query();
            if (query.AlgorithmId is { } alg)
            {
                q = q.Where(Query.EQ("$.alg.id", alg));
            }

            if (query.ProblemId is { } prob)
            {
                q = q.Where(Query.EQ("$.prob.id", prob));
            }

            if (query.Tag is { } tag)
            {
                q = q.Where(BsonExpression.Create("$.tags[*] ANY = @0", new BsonValue(tag)));
            }

            if (query.Since is { } since)
            {
                q = q.Where(Query.GTE("$.started", since.UtcTicks));
            }

            if (query.Status is { } status)
            {
                // A dead process's run may still say "running" in the file: both are read, then normalised.
                q = status is RunStatus.Interrupted or RunStatus.Running
                    ? q.Where(Query.In("$.status", nameof(RunStatus.Running), nameof(RunStatus.Interrupted)))
                    : q.Where(Query.EQ("$.status", status.ToString()));
            }

            var damaged = new List<DamagedRun>();
            try
            {
                var records = q.OrderByDescending("$.started").ToEnumerable().Select(d => ReadOrNull(d, damaged)).OfType<RunRecord>();
                return Finish(records, query, damaged);
            }
            catch (Exception ex) when (ex is not RunDamagedException)
            {
                // A damaged index or page: read run by run through the primary key, and filter here.
                damaged.Clear();
                return Finish(ListByKey(query, damaged), query, damaged);
            }
        });
    }

    private static RunListing Finish(IEnumerable<RunRecord> records, RunQuery query, List<DamagedRun> damaged)
    {
        if (query.Status is { } wanted)
        {
            records = records.Where(r => r.Status == wanted);
        }

        return new RunListing((query.Limit is int limit ? records.Take(limit) : records).ToList(), damaged);
    }

    private IEnumerable<RunRecord> ListByKey(RunQuery query, List<DamagedRun> damaged)
    {
        var runs = new List<RunRecord>();
        foreach (var (id, doc, error) in StoreScan.Documents(_db!, []))
        {
            if (doc is null)
            {
                damaged.Add(new DamagedRun(id, $"run {id}: unreadable ({error})"));
            }
            else if (ReadOrNull(doc, damaged) is { } run && Matches(run, query))
            {
                runs.Add(run);
            }
        }

        return runs.OrderByDescending(r => r.Description.StartedAt);
    }

    private static bool Matches(RunRecord run, RunQuery query)
    {
        var d = run.Description;
        return (query.AlgorithmId is null || d.Algorithm.Id == query.AlgorithmId) && (query.ProblemId is null || d.Problem.Id == query.ProblemId)
            && (query.Tag is null || d.Tags.Contains(query.Tag)) && (query.Since is null || d.StartedAt >= query.Since);
    }

    private RunRecord? ReadOrNull(BsonDocument doc, List<DamagedRun> damaged)
    {
        try
        {
            return Normalise(Integrity.ReadRun(doc).Run);
        }
        catch (RunDamagedException ex)
        {
            damaged.Add(new DamagedRun(ex.RunId, ex.Message));
            return null;
        }
    }
}
