using System.Text;

namespace Workbench.Storage;

/// <summary>Checks a database file's bytes before LiteDB sees it.</summary>
/// <remarks>
/// LiteDB may "upgrade", rebuild or write to a file while opening it. A file that is not a LiteDB 5 data file, or
/// whose length shows it was cut short, is refused here so that it is never opened, let alone rewritten.
/// </remarks>
internal static class DatabaseFile
{
    public const int PageSize = 8192;

    // LiteDB 5 header page: a 32-byte page header, then the 27-byte magic text, then the file format version (8).
    private const int MagicOffset = 32;
    private const int VersionOffset = MagicOffset + 27;
    private const byte FileVersion = 8;
    private static readonly byte[] Magic = Encoding.ASCII.GetBytes("** This is a LiteDB file **");

    /// <summary>Throws <see cref="StoreDamagedException"/> unless the file looks like a whole LiteDB 5 file.
    /// A missing or empty file passes (a writer creates it).</summary>
    public static void Validate(string path)
    {
        if (!File.Exists(path))
        {
            return;
        }

        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        var length = stream.Length;
        if (length == 0)
        {
            return;
        }

        var header = new byte[Math.Min(PageSize, length)];
        stream.ReadExactly(header);
        if (header.Length <= VersionOffset || !header.AsSpan(MagicOffset, Magic.Length).SequenceEqual(Magic))
        {
            throw new StoreDamagedException($"{path} is not a Workbench run database (no LiteDB header); it was left untouched");
        }

        if (header[VersionOffset] != FileVersion)
        {
            throw new StoreDamagedException(
                $"{path} is a LiteDB file of format version {header[VersionOffset]}, not {FileVersion} (LiteDB 5); it was left untouched — it will not be upgraded in place");
        }

        if (length % PageSize != 0)
        {
            throw new StoreDamagedException(
                $"{path} is damaged: its length {length} is not a whole number of {PageSize}-byte pages (truncated?); it was left untouched — see wb db check and wb db repair");
        }
    }

    /// <summary>True when the file starts with a LiteDB 5 header (whatever its length): something a repair can read.</summary>
    public static bool HasHeader(string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        var header = new byte[Math.Min(PageSize, stream.Length)];
        stream.ReadExactly(header);
        return header.Length > VersionOffset && header.AsSpan(MagicOffset, Magic.Length).SequenceEqual(Magic) && header[VersionOffset] == FileVersion;
    }

    /// <summary>LiteDB's write-ahead log beside the data file (<c>runs-log.db</c> for <c>runs.db</c>): committed
    /// transactions live there until a checkpoint copies them into the data file.</summary>
    public static string LogPath(string path) => System.IO.Path.Combine(System.IO.Path.GetDirectoryName(path)!,
        System.IO.Path.GetFileNameWithoutExtension(path) + "-log" + System.IO.Path.GetExtension(path));

    /// <summary>Copies a database and its log, if any, to <paramref name="target"/> (and its log name).</summary>
    public static void CopyWithLog(string path, string target)
    {
        File.Copy(path, target, overwrite: true);
        File.Delete(LogPath(target));
        if (File.Exists(LogPath(path)))
        {
            File.Copy(LogPath(path), LogPath(target));
        }
    }

    /// <summary>True when the file is missing or empty (a new database).</summary>
    public static bool IsNew(string path) => !File.Exists(path) || new FileInfo(path).Length == 0;
}
