using LiteDB;
using Workbench.Engine.Archive;
using Workbench.Engine.Running;

namespace Workbench.Storage;

/// <summary>Copies the best readable version of every run found in any repair source into the new file.</summary>
/// <remarks>A run is taken from the first source that reads it whole; a later source replaces it only with more
/// history. Runs are written one at a time, so memory holds one run's history, not the store's.</remarks>
internal sealed class RepairSalvage(RunStore target, List<string> notes)
{
    private readonly Dictionary<string, (long Rows, bool Whole)> _copied = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _lost = new(StringComparer.Ordinal);
    private bool _tasksCopied;

    public int Recovered => _copied.Count;

    public int Cut => _copied.Values.Count(v => !v.Whole);

    /// <summary>Runs seen in some source but readable in none, with the reason from the last source that saw them.</summary>
    public IReadOnlyDictionary<string, string> Lost => _lost.Where(l => !_copied.ContainsKey(l.Key)).ToDictionary();

    public IReadOnlySet<string> Ids => _copied.Keys.ToHashSet(StringComparer.Ordinal);

    /// <summary>True when every run this source could see came out whole (no later source can add to it).</summary>
    public bool Copy(RepairSource source)
    {
        var problems = new List<string>();
        var integrity = Integrity.Load(source.Db, source.SchemaVersion);
        var allWhole = true;
        try
        {
            allWhole = CopyRuns(source, integrity, problems);
        }
        catch (Exception ex) when (ex is not RepairWriteException)
        {
            // LiteDB closes itself after some errors on damaged pages: what was copied stays, later sources go on.
            problems.Add($"reading stopped ({RepairSources.OneLine(ex)})");
            allWhole = false;
        }

        allWhole &= problems.Count == 0;
        notes.AddRange(problems.Select(p => $"{source.Name}: {p}"));
        if (!_tasksCopied)
        {
            _tasksCopied = CopyOthers(source.Db);
        }

        return allWhole;
    }

    private bool CopyRuns(RepairSource source, Integrity integrity, List<string> problems)
    {
        var allWhole = true;
        foreach (var run in StoreScan.Runs(source.Db, integrity, problems))
        {
            if (run.Stored is not { } stored)
            {
                _lost[run.Id] = run.Problem ?? "unreadable";
                allWhole = false;
                continue;
            }

            var good = run.History?.GoodChunks ?? 0;
            var whole = run.Problem is null;
            allWhole &= whole;
            var rows = run.Chunks.Take(good).Sum(c => (long)c["iteration"].AsBinary.Length / 8);
            if (_copied.TryGetValue(run.Id, out var before) && (before.Whole || before.Rows >= rows))
            {
                continue;
            }

            Write(stored.Run, run.Chunks.Take(good).ToList(), whole, replacing: _copied.ContainsKey(run.Id));
            _copied[run.Id] = (rows, whole);
        }

        return allWhole;
    }

    private void Write(RunRecord run, List<BsonDocument> chunks, bool whole, bool replacing)
    {
        if (run.Status == RunStatus.Running)
        {
            run = run with { Status = RunStatus.Interrupted, Error = run.Error ?? "interrupted (found running during repair)" };
        }

        if (!whole)
        {
            run = run with { Error = string.Join("; ", new[] { run.Error, StoreRepair.HistoryCutNote }.Where(e => e is not null)) };
        }

        var history = HistoryChunks.Join(chunks, run.Description.ExtraNames);
        Target(() =>
        {
            if (replacing)
            {
                target.Delete([run.Id]);
            }

            target.Import(run, history);
        });
    }

    /// <summary>A write to the new file: its failure (a full disk) ends the repair, unlike a failed read.</summary>
    private static void Target(Action write)
    {
        try
        {
            write();
        }
        catch (Exception ex)
        {
            throw new RepairWriteException(ex);
        }
    }

    /// <summary>Task and map runs are one document each: copied whole from the first source that has the collections.</summary>
    private bool CopyOthers(LiteDatabase source)
    {
        try
        {
            var tasks = 0;
            if (source.CollectionExists(RunStore.Collections.Tasks))
            {
                foreach (var doc in ReadAll(source.GetCollection(RunStore.Collections.Tasks), notes))
                {
                    try
                    {
                        var task = TaskDocuments.FromDocument(doc);
                        Target(() => target.ImportTask(task.Status == RunStatus.Running
                            ? task with { Status = RunStatus.Interrupted, Error = task.Error ?? "interrupted (found running during repair)" }
                            : task));
                        tasks++;
                    }
                    catch (Exception ex) when (ex is not RepairWriteException)
                    {
                        notes.Add($"task run {Integrity.IdOf(doc)}: lost ({RepairSources.OneLine(ex)})");
                    }
                }

                notes.Add($"{tasks} task run(s) recovered");
            }

            MapSalvage.Salvage(source, target, notes, ReadAll);
            return true;
        }
        catch (Exception ex) when (ex is not RepairWriteException)
        {
            notes.Add($"task and map runs unreadable here ({RepairSources.OneLine(ex)})");
            return false;
        }
    }

    /// <summary>Every document the engine can still return, stopping at the first that breaks the scan.</summary>
    private static List<BsonDocument> ReadAll(ILiteCollection<BsonDocument> collection, List<string> notes)
    {
        var documents = new List<BsonDocument>();
        try
        {
            documents.AddRange(collection.FindAll());
        }
        catch (Exception ex)
        {
            notes.Add($"{collection.Name}: a scan stopped after {documents.Count} documents ({RepairSources.OneLine(ex)})");
        }

        return documents;
    }
}

/// <summary>Writing the new file failed: the repair stops and removes what it made.</summary>
internal sealed class RepairWriteException(Exception inner) : IOException(inner.Message, inner);
