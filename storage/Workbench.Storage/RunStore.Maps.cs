using LiteDB;
using Workbench.Engine.Archive;
using Workbench.Engine.Running;

namespace Workbench.Storage;

/// <summary>Maps: a <c>maps</c> collection beside <c>runs</c> and <c>tasks</c>, written when a map starts
/// (running) and when it ends, like task runs.</summary>
public sealed partial class RunStore : IMapArchive
{
    public void RecordMapStarted(MapRunRecord map)
    {
        var db = Writable();
        BeginRecording(map.Id);
        try
        {
            db.GetCollection(Collections.Maps).Insert(MapDocuments.ToDocument(map));
        }
        catch (Exception ex)
        {
            EndRecording(map.Id);
            throw Translate(ex, Path);
        }
    }

    public void RecordMapFinished(MapRunRecord map)
    {
        var maps = Writable().GetCollection(Collections.Maps);
        var settled = false;
        try
        {
            var doc = maps.FindById(map.Id) ?? throw new RunIdException($"no map run with id {map.Id} in {Path}", []);
            MapDocuments.SetOutcome(doc, map);
            maps.Update(doc);
            settled = true;
        }
        catch (Exception ex) when (ex is not RunIdException)
        {
            throw Translate(ex, Path);
        }
        finally
        {
            EndRecording(map.Id, settled);
        }
    }

    /// <summary>Writes a map run as it is (repair).</summary>
    internal void ImportMap(MapRunRecord map) => Writable().GetCollection(Collections.Maps).Upsert(MapDocuments.ToDocument(map));

    public IReadOnlyList<MapRunRecord> ListMaps(string? jobId = null, int? limit = null) => ListMapsChecked(jobId, limit).Items;

    /// <summary>The maps a query finds, with those whose document fails its checks set apart, as runs are.</summary>
    public CheckedListing<MapRunRecord> ListMapsChecked(string? jobId = null, int? limit = null)
    {
        if (_db is null)
        {
            return new CheckedListing<MapRunRecord>([], []);
        }

        return Guard(() =>
        {
            // A file of schema 2 or older has no maps collection; a read-only store must not create one.
            if (!_db.CollectionExists(Collections.Maps))
            {
                return new CheckedListing<MapRunRecord>([], []);
            }

            var maps = _db.GetCollection(Collections.Maps);
            var damaged = new List<DamagedRun>();
            var records = DocumentListing.Read(maps, () =>
                {
                    var q = maps.Query();
                    if (jobId is not null)
                    {
                        q = q.Where(Query.EQ("$.job", jobId));
                    }

                    return q.OrderByDescending("$.started");
                },
                d => Normalise(Integrity.ReadMap(d)),
                m => jobId is null || m.JobId == jobId,
                "map run", damaged);
            IEnumerable<MapRunRecord> wanted = records.OrderByDescending(m => m.StartedAt);
            return new CheckedListing<MapRunRecord>((limit is int n ? wanted.Take(n) : wanted).ToList(), damaged);
        });
    }

    private MapRunRecord Normalise(MapRunRecord map)
    {
        if (map.Status != RunStatus.Running)
        {
            return map;
        }

        lock (_recording)
        {
            return _recording.Contains(map.Id) ? map : map with
            {
                Status = RunStatus.Interrupted,
                Error = map.Error ?? OrphanMessage(map.OwnerPid, map.OwnerHost, "map"),
            };
        }
    }
}
