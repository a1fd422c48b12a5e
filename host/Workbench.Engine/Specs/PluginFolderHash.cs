using System.Buffers.Binary;
using System.Text;

namespace Workbench.Engine.Specs;

/// <summary>The identity of a plugin folder: SHA-256 over every file, in ordinal order of its relative path
/// ('/'-separated), each as path bytes, a zero byte, its length (8 bytes, little-endian) and its content.</summary>
/// <remarks>Why the whole folder and not the dll: a plugin's dependencies change its results too, and the folder
/// is what travels to a peer. Host and peer compute it the same way, so the peer can verify what it received.</remarks>
public static class PluginFolderHash
{
    /// <summary>The files of a folder as (relative path, full path), in hashing order.</summary>
    /// <remarks>Arrays and <see cref="Array.Sort{TKey, TValue}(TKey[], TValue[], IComparer{TKey})"/> rather than LINQ over
    /// value tuples: every <c>wb run</c> hashes its plugin folders, and LINQ's sorting of tuples was code the
    /// precompiled image lacks (its virtual calls hide the instantiations), about 25 methods compiled by the JIT.</remarks>
    public static IReadOnlyList<(string RelativePath, string FullPath)> Files(string folder) => SortedFiles(folder);

    private static (string RelativePath, string FullPath)[] SortedFiles(string folder)
    {
        var full = Directory.GetFiles(folder, "*", SearchOption.AllDirectories);
        var relative = new string[full.Length];
        for (var i = 0; i < full.Length; i++)
        {
            relative[i] = Path.GetRelativePath(folder, full[i]).Replace(Path.DirectorySeparatorChar, '/');
        }

        Array.Sort(relative, full, StringComparer.Ordinal);
        var files = new (string RelativePath, string FullPath)[full.Length];
        for (var i = 0; i < full.Length; i++)
        {
            files[i] = (relative[i], full[i]);
        }

        return files;
    }

    /// <summary>Hashes a folder on disk; lower-case hex.</summary>
    /// <param name="read">A file already read (its full path and bytes), used as it is rather than read again: the
    /// plugin dll that was hashed alone and is loaded, so both hashes name the very same bytes.</param>
    public static string Of(string folder, (string FullPath, byte[] Content)? read = null)
    {
        var hash = new Sha256();
        var files = SortedFiles(folder);
        for (var i = 0; i < files.Length; i++)
        {
            var content = read is { } known && known.FullPath == files[i].FullPath ? known.Content : File.ReadAllBytes(files[i].FullPath);
            Append(hash, files[i].RelativePath, content);
        }

        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }

    /// <summary>Hashes files held in memory (a shipped folder); the order of <paramref name="files"/> does not matter.</summary>
    public static string Of(IEnumerable<(string RelativePath, ReadOnlyMemory<byte> Content)> files)
    {
        var hash = new Sha256();
        foreach (var (path, content) in files.OrderBy(f => f.RelativePath, StringComparer.Ordinal))
        {
            Append(hash, path, content.Span);
        }

        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }

    private static void Append(Sha256 hash, string relativePath, ReadOnlySpan<byte> content)
    {
        Span<byte> length = stackalloc byte[8];
        hash.Append(Encoding.UTF8.GetBytes(relativePath));
        hash.Append([0]);
        BinaryPrimitives.WriteInt64LittleEndian(length, content.Length);
        hash.Append(length);
        hash.Append(content);
    }
}
