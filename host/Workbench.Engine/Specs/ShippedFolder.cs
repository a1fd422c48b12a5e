namespace Workbench.Engine.Specs;

/// <summary>Checks and writes a folder received from a client (a plugin, or the assemblies of a function). Nothing
/// is written unless every path is a plain relative path inside the folder and the bytes hash to the announced
/// SHA-256.</summary>
public static class ShippedFolder
{
    public static void Validate(string folderName, string folderSha256, IReadOnlyList<(string Path, ReadOnlyMemory<byte> Content)> files)
    {
        if (string.IsNullOrWhiteSpace(folderName) || folderName.IndexOfAny(['/', '\\']) >= 0 || folderName is "." or ".." || folderName.StartsWith('.'))
        {
            throw new ShippedPluginException($"shipped folder name '{folderName}' is not a plain folder name");
        }

        if (folderSha256.Length != 64 || !folderSha256.All(c => c is >= '0' and <= '9' or >= 'a' and <= 'f'))
        {
            throw new ShippedPluginException("shipped folder hash is not a lower-case SHA-256");
        }

        foreach (var (path, _) in files)
        {
            var parts = path.Split('/');
            if (path.Length == 0 || path.Contains('\\') || Path.IsPathRooted(path) || parts.Any(p => p is "" or "." or ".."))
            {
                throw new ShippedPluginException($"shipped file path '{path}' is not a plain relative path");
            }
        }

        var actual = PluginFolderHash.Of(files.Select(f => (f.Path, f.Content)));
        if (actual != folderSha256)
        {
            throw new ShippedPluginException($"shipped bytes of {folderName} hash to {actual}, not the announced {folderSha256}: refused");
        }
    }

    /// <summary>Writes into a scratch folder, then moves it into place, so a crash never leaves half a plugin under its hash.</summary>
    public static void Write(string cache, string target, string folderName, IReadOnlyList<(string Path, ReadOnlyMemory<byte> Content)> files)
    {
        var scratch = Path.Combine(cache, ".incoming-" + Guid.NewGuid().ToString("N"));
        try
        {
            var root = Path.Combine(scratch, folderName);
            foreach (var (path, content) in files)
            {
                var full = Path.Combine(root, path.Replace('/', Path.DirectorySeparatorChar));
                Directory.CreateDirectory(Path.GetDirectoryName(full)!);
                File.WriteAllBytes(full, content.ToArray());
            }

            Directory.CreateDirectory(root);
            if (Directory.Exists(target))
            {
                Directory.Delete(target, recursive: true);
            }

            Directory.Move(scratch, target);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new ShippedPluginException($"cannot store shipped plugin {folderName} under {cache}: {e.Message}");
        }
        finally
        {
            if (Directory.Exists(scratch))
            {
                Directory.Delete(scratch, recursive: true);
            }
        }
    }
}
