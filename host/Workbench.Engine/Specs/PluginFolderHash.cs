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
    public static IReadOnlyList<(string RelativePath, string FullPath)> Files(string folder) =>
        new DirectoryInfo(folder).EnumerateFiles("*", SearchOption.AllDirectories)
            .Select(f => (Path.GetRelativePath(folder, f.FullName).Replace(Path.DirectorySeparatorChar, '/'), f.FullName))
            .OrderBy(f => f.Item1, StringComparer.Ordinal)
            .ToArray();

    /// <summary>Hashes a folder on disk; lower-case hex.</summary>
    public static string Of(string folder) =>
        Of(Files(folder).Select(f => (f.RelativePath, (ReadOnlyMemory<byte>)File.ReadAllBytes(f.FullPath))));

    /// <summary>Hashes files held in memory (a shipped folder); the order of <paramref name="files"/> does not matter.</summary>
    public static string Of(IEnumerable<(string RelativePath, ReadOnlyMemory<byte> Content)> files)
    {
        var hash = new Sha256();
        Span<byte> length = stackalloc byte[8];
        foreach (var (path, content) in files.OrderBy(f => f.RelativePath, StringComparer.Ordinal))
        {
            hash.Append(Encoding.UTF8.GetBytes(path));
            hash.Append([0]);
            BinaryPrimitives.WriteInt64LittleEndian(length, content.Length);
            hash.Append(length);
            hash.Append(content.Span);
        }

        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }
}
