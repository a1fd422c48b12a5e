using System.Globalization;

namespace Workbench.Storage;

/// <summary>What a repair did: where the untouched original was kept and how many runs made it into the new file.</summary>
/// <param name="RunsReadable">Runs that <c>wb db check</c> reads in the original: the new file holds every one of them.</param>
public sealed record StoreRepairReport(string Path, string Backup, int RunsRecovered, int RunsUnreadable, int HistoriesCut, IReadOnlyList<string> Notes)
{
    public int RunsReadable { get; init; }
}

/// <summary>Salvages what can be read from a damaged database into a new file beside it, checks that the new file
/// holds every run <c>wb db check</c> reads in the old one, and only then swaps the two by a rename. The original
/// is kept, byte for byte, as <c>runs.db.bak-TIMESTAMP</c> (its log, if any, as <c>runs.db-log.bak-TIMESTAMP</c>).</summary>
/// <remarks>
/// Every failure before the swap (no permission, a full disk, a new file that falls short) leaves the original
/// as it was, removes every file the repair made, and is one line (<see cref="StoreException"/>).
/// </remarks>
public static class StoreRepair
{
    /// <summary>Added to the error of a run whose history could only be salvaged in part.</summary>
    public const string HistoryCutNote = "history partly lost (salvaged by wb db repair)";

    public static StoreRepairReport Run(string path)
    {
        path = System.IO.Path.GetFullPath(path);
        if (!File.Exists(path))
        {
            throw new StoreException($"{path} does not exist: nothing to repair");
        }

        // Hold the original's lock throughout: no run may write while the file is being replaced.
        using var storeLock = StoreLock.Acquire(path, forWriting: true, TimeSpan.FromSeconds(3));
        CleanMark.Remove(path); // the file is about to be salvaged and replaced: the note about it no longer holds
        RepairSpace.Refuse(path);
        var stamp = DateTime.UtcNow.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture);
        var names = new RepairNames(path, stamp);
        var made = new List<string>();
        try
        {
            var (report, readable) = Salvage(path, names, made);
            made.Add(names.Backup);
            made.Add(DatabaseFile.LogPath(names.Backup));
            RepairSpace.Keep(path, names.Backup);
            Swap(path, names);
            made.Clear(); // the backup stays: it is the only copy of the original now
            return report with { RunsReadable = readable };
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new StoreException($"cannot repair {path}: {RepairSources.OneLine(ex)}; the original was left untouched and nothing was kept beside it", ex);
        }
        finally
        {
            foreach (var leftover in made)
            {
                File.Delete(leftover);
            }

            RepairSources.Remove(names.Scratch);
            RepairSources.Remove(names.NoLog);
            RepairSources.Remove(names.Pages);
            RepairSources.Remove(names.Fresh);
            File.Delete(names.Fresh + ".lock");
            File.Delete(names.Fresh + ".lock-owner");
            CleanMark.Remove(names.Fresh);
        }
    }

    private static (StoreRepairReport Report, int Readable) Salvage(string path, RepairNames names, List<string> made)
    {
        var notes = new List<string>();
        var before = CheckOriginal(path);
        RepairSalvage salvage;
        made.Add(names.Fresh);
        using (var target = RunStore.OpenForWriting(names.Fresh))
        {
            salvage = new RepairSalvage(target, notes);
            var whole = false;
            foreach (var open in new Func<RepairSource?>[]
            {
                () => RepairSources.Original(path, notes),
                () => RepairSources.WithoutLog(path, names.NoLog, notes),
                () => RepairPages.Open(path, names.Pages, notes),
                () => RepairSources.Rebuilt(path, names.Scratch, notes),
            })
            {
                using var source = open();
                if (source is not null)
                {
                    whole = salvage.Copy(source);
                }

                if (whole)
                {
                    break; // every run it saw came out whole: a rougher reading can only add damage
                }
            }

            target.Database.Checkpoint();
        }

        if (salvage.Recovered == 0 && (salvage.Lost.Count > 0 || !before.Healthy))
        {
            // An empty file in place of a damaged one helps nobody: the damaged one may yet be read by other tools.
            throw new StoreException($"repair of {path} could salvage no run from it ({salvage.Lost.Count} seen, none readable); the original was left untouched");
        }

        var missing = before.ReadableIds.Except(salvage.Ids).ToList();
        if (missing.Count > 0 || File.Exists(DatabaseFile.LogPath(names.Fresh)))
        {
            throw new StoreException($"repair of {path} fell short: the new file lacks {missing.Count} of the {before.Runs} run(s) wb db check reads " +
                                     $"(first: {(missing.Count > 0 ? missing[0] : "-")}); the original was left untouched");
        }

        var after = StoreCheck.Run(names.Fresh);
        if (!after.Healthy || !after.ReadableIds.IsSupersetOf(before.ReadableIds))
        {
            throw new StoreException($"repair of {path} fell short: the new file does not check clean ({(after.Problems.Count > 0 ? after.Problems[0] : "it lacks runs")}); the original was left untouched");
        }

        foreach (var (id, problem) in salvage.Lost)
        {
            notes.Add($"lost: {problem}");
        }

        return (new StoreRepairReport(path, names.Backup, salvage.Recovered, salvage.Lost.Count, salvage.Cut, notes), before.Runs);
    }

    /// <summary>What <c>wb db check</c> reads in the original, under the lock this repair holds.</summary>
    private static StoreCheckReport CheckOriginal(string path)
    {
        try
        {
            DatabaseFile.Validate(path);
            using var db = RunStore.Open(path, readOnly: true);
            return StoreCheck.Scan(db, path, new FileInfo(path).Length, RunStore.ReadSchemaVersion(db, path));
        }
        catch (Exception ex) when (ex is not IOException)
        {
            return new StoreCheckReport(path, 0, 0, 0, 0, [RepairSources.OneLine(ex)]);
        }
    }

    /// <summary>Two renames, each atomic: the old log goes aside first (LiteDB would replay it onto the new file),
    /// then the new file takes the original's name. A crash between them leaves the original without its log;
    /// the backup holds both.</summary>
    private static void Swap(string path, RepairNames names)
    {
        var log = DatabaseFile.LogPath(path);
        if (File.Exists(log))
        {
            File.Move(log, names.AsideLog, overwrite: true);
        }

        try
        {
            File.Move(names.Fresh, path, overwrite: true);
        }
        catch
        {
            if (File.Exists(names.AsideLog))
            {
                File.Move(names.AsideLog, log); // the original goes back to what it was, log and all
            }

            throw;
        }

        File.Delete(names.AsideLog);
    }

    private sealed record RepairNames(string Path, string Stamp)
    {
        public string Backup => $"{Path}.bak-{Stamp}";

        public string Scratch => $"{Path}.repair-scratch";

        public string NoLog => $"{Path}.repair-nolog";

        public string Pages => $"{Path}.repair-pages";

        public string Fresh => $"{Path}.repair-new";

        public string AsideLog => $"{Path}.repair-oldlog";
    }
}
