using LiteDB;

namespace Workbench.Storage;

/// <summary>One way of reading a damaged file during a repair: the name it goes by in notes, and the open database.</summary>
internal sealed record RepairSource(string Name, LiteDatabase Db, int SchemaVersion) : IDisposable
{
    public void Dispose() => Db.Dispose();
}

/// <summary>The ways a repair reads a damaged database, most faithful first. Only the first touches the original,
/// and only read-only; the others read scratch copies, which LiteDB may rewrite.</summary>
/// <remarks>
/// Each way reads what the others may not: the original as it is (with its log) reads exactly what
/// <c>wb db check</c> reads; a copy without the log reads the data file when the log is garbage; a copy cut or
/// padded to whole pages and rebuilt by LiteDB reads documents whose index pages are damaged.
/// </remarks>
internal static class RepairSources
{
    public static RepairSource? Original(string path, List<string> notes)
    {
        try
        {
            DatabaseFile.Validate(path);
            var db = RunStore.Open(path, readOnly: true);
            try
            {
                return new RepairSource("the file as it is", db, RunStore.ReadSchemaVersion(db, path));
            }
            catch
            {
                db.Dispose();
                throw;
            }
        }
        catch (Exception ex)
        {
            notes.Add($"the file as it is cannot be read ({OneLine(ex)})");
            return null;
        }
    }

    /// <summary>A copy of the data file alone, its length padded to whole pages: a log of random bytes, or a
    /// truncated last page, would otherwise stop LiteDB from opening it at all.</summary>
    public static RepairSource? WithoutLog(string path, string scratch, List<string> notes) =>
        OpenCopy(path, scratch, withLog: false, rebuild: false, "the data file without its log", notes);

    /// <summary>A padded copy with its log, rebuilt by LiteDB (which re-reads every page it can).</summary>
    public static RepairSource? Rebuilt(string path, string scratch, List<string> notes) =>
        OpenCopy(path, scratch, withLog: true, rebuild: true, "a copy rebuilt by LiteDB", notes);

    private static RepairSource? OpenCopy(string path, string scratch, bool withLog, bool rebuild, string name, List<string> notes)
    {
        Remove(scratch);
        File.Copy(path, scratch);
        using (var file = new FileStream(scratch, FileMode.Open, FileAccess.Write))
        {
            var pages = (file.Length + DatabaseFile.PageSize - 1) / DatabaseFile.PageSize;
            file.SetLength(pages * DatabaseFile.PageSize);
        }

        if (withLog && File.Exists(DatabaseFile.LogPath(path)))
        {
            File.Copy(DatabaseFile.LogPath(path), DatabaseFile.LogPath(scratch));
        }

        try
        {
            var db = new LiteDatabase(new ConnectionString { Filename = scratch, Connection = ConnectionType.Direct, AutoRebuild = rebuild });
            if (rebuild)
            {
                try
                {
                    db.Rebuild();
                }
                catch (Exception ex)
                {
                    notes.Add($"LiteDB's rebuild failed ({OneLine(ex)}); reading the copy as it is");
                }
            }

            try
            {
                return new RepairSource(name, db, RunStore.ReadSchemaVersion(db, scratch));
            }
            catch
            {
                db.Dispose();
                throw;
            }
        }
        catch (Exception ex) when (ex is not IOException)
        {
            notes.Add($"{name} cannot be read ({OneLine(ex)})");
            return null;
        }
    }

    /// <summary>A scratch file and everything LiteDB may have made beside it (its log, a rebuild's backup and temp).</summary>
    public static void Remove(string scratch)
    {
        var folder = Path.GetDirectoryName(scratch)!;
        var (stem, extension) = (Path.GetFileNameWithoutExtension(scratch), Path.GetExtension(scratch));
        foreach (var suffix in new[] { "", "-log", "-backup", "-tmp" })
        {
            File.Delete(Path.Combine(folder, stem + suffix + extension));
        }
    }

    public static string OneLine(Exception ex) => ex.Message.Split('\n')[0].Trim();
}
