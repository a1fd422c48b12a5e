using System.Runtime.InteropServices;

namespace Workbench.Storage;

/// <summary>What a repair needs from the file system before it starts, and how it keeps the original.</summary>
internal static class RepairSpace
{
    /// <summary>Refuses, before any file is made, a repair that could not finish: a folder or file this process
    /// may not write, a file that is not a LiteDB file at all, or too little free space for the new file.</summary>
    public static void Refuse(string path)
    {
        var folder = Path.GetDirectoryName(path)!;
        if (!WriteAccess.Allowed(folder) || !WriteAccess.Allowed(path))
        {
            throw new StoreException($"cannot repair {path}: it is read-only here (no permission or a read-only mount); nothing was changed");
        }

        if (!DatabaseFile.HasHeader(path))
        {
            throw new StoreException($"cannot repair {path}: it is not a LiteDB 5 file (no header of format 8), so there is nothing to salvage; it was left untouched");
        }

        // The new file is at most as large as the old one; a scratch copy may be needed beside it.
        var log = DatabaseFile.LogPath(path);
        var needed = 2 * (new FileInfo(path).Length + (File.Exists(log) ? new FileInfo(log).Length : 0)) + (1 << 20);
        var free = new DriveInfo(folder).AvailableFreeSpace;
        if (free < needed)
        {
            throw new StoreException($"cannot repair {path}: {free / 1048576.0:F1} MiB free in {folder}, about {needed / 1048576.0:F1} MiB needed; nothing was changed");
        }
    }

    /// <summary>Keeps the original (and its log) under the backup name: a hard link where the file system allows
    /// one (no space, no time), else a copy.</summary>
    public static void Keep(string path, string backup)
    {
        KeepOne(path, backup);
        var log = DatabaseFile.LogPath(path);
        if (File.Exists(log))
        {
            KeepOne(log, DatabaseFile.LogPath(backup));
        }
    }

    private static void KeepOne(string from, string to)
    {
        File.Delete(to);
        if ((OperatingSystem.IsLinux() || OperatingSystem.IsMacOS()) && Link(from, to) == 0)
        {
            return;
        }

        File.Copy(from, to);
    }

    [DllImport("libc", EntryPoint = "link", CharSet = CharSet.Ansi, BestFitMapping = false, ThrowOnUnmappableChar = true)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static extern int Link([MarshalAs(UnmanagedType.LPUTF8Str)] string from, [MarshalAs(UnmanagedType.LPUTF8Str)] string to);
}
