using LiteDB;
using Workbench.Engine.Running;

namespace Workbench.Storage;

/// <summary>The map runs' part of <c>wb db check</c> and <c>wb db repair</c>: one document each, read whole or noted.</summary>
internal static class MapSalvage
{
    public static void Check(LiteDatabase db, List<string> problems)
    {
        try
        {
            if (!db.CollectionExists(RunStore.Collections.Maps))
            {
                return; // a file of schema 2 or older: no map runs
            }

            foreach (var doc in db.GetCollection(RunStore.Collections.Maps).FindAll())
            {
                try
                {
                    MapDocuments.FromDocument(doc);
                }
                catch (Exception ex)
                {
                    problems.Add($"map run {Integrity.IdOf(doc)}: unreadable ({ex.Message.Split('\n')[0]})");
                }
            }
        }
        catch (Exception ex)
        {
            problems.Add($"maps collection unreadable: {ex.Message.Split('\n')[0]}");
        }
    }

    public static void Salvage(
        LiteDatabase source, RunStore target, List<string> notes, Func<ILiteCollection<BsonDocument>, List<string>, List<BsonDocument>> readAll)
    {
        if (!source.CollectionExists(RunStore.Collections.Maps))
        {
            return;
        }

        var copied = 0;
        foreach (var doc in readAll(source.GetCollection(RunStore.Collections.Maps), notes))
        {
            try
            {
                var map = MapDocuments.FromDocument(doc);
                target.ImportMap(map.Status == RunStatus.Running
                    ? map with { Status = RunStatus.Interrupted, Error = map.Error ?? "interrupted (found running during repair)" }
                    : map);
                copied++;
            }
            catch (Exception ex) when (ex is not IOException) // a write that fails ends the repair
            {
                notes.Add($"map run {Integrity.IdOf(doc)}: lost ({ex.Message.Split('\n')[0]})");
            }
        }

        notes.Add($"{copied} map run(s) recovered");
    }
}
