using System.Buffers.Binary;
using System.IO.Hashing;
using System.Text;
using LiteDB;

namespace Workbench.Storage;

/// <summary>An XxHash3 checksum over a document's content, stored in the document itself (field <see cref="Field"/>).</summary>
/// <remarks>
/// LiteDB 5 has no page checksums: a flipped byte in a data page comes back as a different number, not an error.
/// The hash is taken over a canonical encoding (fields sorted by name, each value with its BSON type) rather than
/// LiteDB's serialised bytes, so that field order and LiteDB's own layout choices cannot change it.
/// </remarks>
internal static class Checksums
{
    public const string Field = "xxh3";

    public enum Verdict
    {
        Valid,
        Missing,
        Mismatch,
    }

    /// <summary>Stores the checksum of the document's current content in it.</summary>
    public static BsonDocument Seal(BsonDocument doc)
    {
        doc.Remove(Field);
        doc[Field] = unchecked((long)Compute(doc));
        return doc;
    }

    /// <summary>Seals again after an update, but only a document that was sealed: a document written before
    /// checksums existed stays unchecked rather than having possibly damaged content vouched for.</summary>
    public static void Reseal(BsonDocument doc)
    {
        if (doc.ContainsKey(Field))
        {
            Seal(doc);
        }
    }

    public static Verdict Verify(BsonDocument doc)
    {
        if (!doc.TryGetValue(Field, out var stored))
        {
            return Verdict.Missing;
        }

        return stored.IsInt64 && unchecked((ulong)stored.AsInt64) == Compute(doc) ? Verdict.Valid : Verdict.Mismatch;
    }

    private static ulong Compute(BsonDocument doc)
    {
        var hash = new XxHash3();
        AppendDocument(hash, doc, skip: Field);
        return hash.GetCurrentHashAsUInt64();
    }

    private static void AppendDocument(XxHash3 hash, BsonDocument doc, string? skip)
    {
        var keys = doc.Keys.Where(k => k != skip).OrderBy(k => k, StringComparer.Ordinal).ToList();
        AppendInt(hash, keys.Count);
        foreach (var key in keys)
        {
            AppendString(hash, key);
            Append(hash, doc[key]);
        }
    }

    private static void Append(XxHash3 hash, BsonValue value)
    {
        hash.Append([(byte)value.Type]);
        Span<byte> eight = stackalloc byte[8];
        switch (value.Type)
        {
            case BsonType.Document:
                AppendDocument(hash, value.AsDocument, skip: null);
                break;
            case BsonType.Array:
                AppendInt(hash, value.AsArray.Count);
                foreach (var item in value.AsArray)
                {
                    Append(hash, item);
                }

                break;
            case BsonType.String:
                AppendString(hash, value.AsString);
                break;
            case BsonType.Binary:
                AppendInt(hash, value.AsBinary.Length);
                hash.Append(value.AsBinary);
                break;
            case BsonType.Int32:
                AppendInt(hash, value.AsInt32);
                break;
            case BsonType.Int64:
                BinaryPrimitives.WriteInt64LittleEndian(eight, value.AsInt64);
                hash.Append(eight);
                break;
            case BsonType.Double:
                // Bits, not the value: NaN payloads and -0 are stored exactly and must hash exactly.
                BinaryPrimitives.WriteInt64LittleEndian(eight, BitConverter.DoubleToInt64Bits(value.AsDouble));
                hash.Append(eight);
                break;
            case BsonType.Boolean:
                hash.Append([value.AsBoolean ? (byte)1 : (byte)0]);
                break;
            case BsonType.DateTime:
                BinaryPrimitives.WriteInt64LittleEndian(eight, value.AsDateTime.ToUniversalTime().Ticks);
                hash.Append(eight);
                break;
            case BsonType.Null or BsonType.MinValue or BsonType.MaxValue:
                break;
            default:
                // Decimal, ObjectId, Guid: not written by the store; their text form is stable enough.
                AppendString(hash, value.ToString());
                break;
        }
    }

    private static void AppendInt(XxHash3 hash, int value)
    {
        Span<byte> four = stackalloc byte[4];
        BinaryPrimitives.WriteInt32LittleEndian(four, value);
        hash.Append(four);
    }

    private static void AppendString(XxHash3 hash, string text)
    {
        var bytes = Encoding.UTF8.GetBytes(text);
        AppendInt(hash, bytes.Length);
        hash.Append(bytes);
    }
}
