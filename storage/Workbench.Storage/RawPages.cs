using System.Buffers.Binary;
using LiteDB;

namespace Workbench.Storage;

/// <summary>Reads documents straight from LiteDB 5 data pages, without its header, collection or index pages: what a
/// repair can still read when those are cut off (a truncated file) or damaged. Every document found is then judged
/// by its checksum like any other, so a stale or garbled one is never taken for a sound one.</summary>
/// <remarks>
/// The layout read here is LiteDB 5's file format 8: pages of 8 KiB; a 32-byte page header (page id at 0, page type
/// at 4, highest slot index at 30); a slot table at the page's end, 4 bytes a slot from the last byte backwards
/// (length, then position, both unsigned 16-bit); a data block per slot (1 byte "continues a document", then the
/// next block's page id and slot, then the bytes); a document's bytes are its BSON serialisation.
/// </remarks>
internal static class RawPages
{
    private const int PageSize = DatabaseFile.PageSize;
    private const byte DataPage = 4;
    private const int HighestIndex = 30;
    private const int BlockHeader = 6;

    /// <summary>Every document whose blocks can be followed and decoded: the data file's pages, with the log's
    /// later copies of a page over them (as LiteDB would read them).</summary>
    public static List<BsonDocument> Documents(string path)
    {
        var pages = new Dictionary<uint, byte[]>();
        Load(path, pages);
        if (File.Exists(DatabaseFile.LogPath(path)))
        {
            Load(DatabaseFile.LogPath(path), pages);
        }

        var documents = new List<BsonDocument>();
        foreach (var page in pages.Values.Where(p => p[4] == DataPage))
        {
            for (var slot = 0; slot <= page[HighestIndex] && (slot + 1) * 4 < PageSize - 32; slot++)
            {
                if (Block(page, slot) is { } block && block[0] == 0 && Read(block, pages) is { } doc)
                {
                    documents.Add(doc);
                }
            }
        }

        return documents;
    }

    private static void Load(string file, Dictionary<uint, byte[]> pages)
    {
        using var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        var buffer = new byte[PageSize];
        while (stream.ReadAtLeast(buffer, PageSize, throwOnEndOfStream: false) == PageSize)
        {
            pages[BinaryPrimitives.ReadUInt32LittleEndian(buffer)] = (byte[])buffer.Clone();
        }
    }

    /// <summary>The bytes of one slot's data block, or null for an empty or impossible slot.</summary>
    private static byte[]? Block(byte[] page, int slot)
    {
        var at = PageSize - (slot + 1) * 4;
        var length = BinaryPrimitives.ReadUInt16LittleEndian(page.AsSpan(at));
        var position = BinaryPrimitives.ReadUInt16LittleEndian(page.AsSpan(at + 2));
        return length <= BlockHeader || position < 32 || position + length > at ? null : page.AsSpan(position, length).ToArray();
    }

    /// <summary>A document from its first block, following the chain of blocks; null when any link is missing.</summary>
    private static BsonDocument? Read(byte[] first, Dictionary<uint, byte[]> pages)
    {
        var bytes = new List<byte>(first.Length);
        var block = first;
        for (var hops = 0; hops < 100_000; hops++)
        {
            bytes.AddRange(block.AsSpan(BlockHeader).ToArray());
            var nextPage = BinaryPrimitives.ReadUInt32LittleEndian(block.AsSpan(1));
            var nextSlot = block[5];
            if (nextPage == uint.MaxValue)
            {
                return Decode(bytes);
            }

            if (!pages.TryGetValue(nextPage, out var page) || page[4] != DataPage || Block(page, nextSlot) is not { } next || next[0] != 1)
            {
                return null;
            }

            block = next;
        }

        return null;
    }

    private static BsonDocument? Decode(List<byte> bytes)
    {
        if (bytes.Count < 5)
        {
            return null;
        }

        var length = BinaryPrimitives.ReadInt32LittleEndian(bytes.ToArray().AsSpan(0, 4));
        if (length < 5 || length > bytes.Count)
        {
            return null;
        }

        try
        {
            return BsonSerializer.Deserialize(bytes.GetRange(0, length).ToArray());
        }
        catch (Exception)
        {
            return null; // garbled: the checksum could not have vouched for it anyway
        }
    }
}
