namespace Workbench.Engine.Validation;

/// <summary>Checks the paths a user gives before any work starts, so that a bad one is one line and exit 2, not a
/// failure after minutes of work. <paramref name="what"/> in each call is how the front end names the path (a
/// flag such as <c>--out</c>).</summary>
public static class UserPaths
{
    /// <summary>A file about to be written: not empty, not a folder, in a folder that exists, and writable there
    /// now (tried by opening it; a file this call creates is removed again).</summary>
    public static string OutputFile(string? path, string what)
    {
        var full = Full(path, what);
        if (Directory.Exists(full))
        {
            throw Bad(what, path!, "is a folder, not a file");
        }

        var folder = Path.GetDirectoryName(full);
        if (folder is not null && !Directory.Exists(folder))
        {
            throw Bad(what, path!, $"its folder {folder} does not exist");
        }

        var existed = File.Exists(full);
        try
        {
            using (new FileStream(full, FileMode.OpenOrCreate, FileAccess.Write, FileShare.ReadWrite | FileShare.Delete))
            {
            }

            if (!existed)
            {
                File.Delete(full);
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw Bad(what, path!, $"cannot be written: {ex.Message}");
        }

        return full;
    }

    /// <summary>A folder to read from (plugins): it must exist and be listable.</summary>
    public static string ExistingFolder(string? path, string what)
    {
        var full = Full(path, what);
        if (File.Exists(full))
        {
            throw Bad(what, path!, "is a file, not a folder");
        }

        if (!Directory.Exists(full))
        {
            throw Bad(what, path!, "does not exist");
        }

        try
        {
            using var entries = Directory.EnumerateFileSystemEntries(full).GetEnumerator();
            entries.MoveNext();
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw Bad(what, path!, $"cannot be read: {ex.Message}");
        }

        return full;
    }

    /// <summary>A file to read (inputs): it must exist and not be a folder.</summary>
    public static string ExistingFile(string? path, string what)
    {
        var full = Full(path, what);
        if (Directory.Exists(full))
        {
            throw Bad(what, path!, "is a folder, not a file");
        }

        return File.Exists(full) ? full : throw Bad(what, path!, "does not exist");
    }

    /// <summary>A store file: not empty, not a folder; a writer's folder must be creatable (it is created on open).</summary>
    public static string StoreFile(string? path, string what)
    {
        var full = Full(path, what);
        return Directory.Exists(full) ? throw Bad(what, path!, "is a folder, not a run database file") : full;
    }

    private static string Full(string? path, string what)
    {
        if (string.IsNullOrWhiteSpace(path))
        {
            throw new RunSetupException(what, $"{what} needs a path, not an empty value");
        }

        try
        {
            return Path.GetFullPath(path);
        }
        catch (Exception ex) when (ex is ArgumentException or NotSupportedException or PathTooLongException)
        {
            throw Bad(what, path, ex.Message);
        }
    }

    private static RunSetupException Bad(string what, string path, string why) => new(what, $"{what} '{path}' {why}");
}
