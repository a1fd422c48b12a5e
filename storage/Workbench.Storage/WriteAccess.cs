using System.Runtime.InteropServices;

namespace Workbench.Storage;

/// <summary>Whether this process may write a path: a read-only mount or missing permissions, as the kernel sees
/// them (<c>access(2)</c>, which also sees a read-only mount that root cannot write either).</summary>
internal static class WriteAccess
{
    private const int WriteOk = 2;

    /// <summary>The file when it exists, else its folder.</summary>
    public static bool Allowed(string path)
    {
        if (!OperatingSystem.IsLinux() && !OperatingSystem.IsMacOS())
        {
            return true; // the lock's own error is reported there
        }

        var target = File.Exists(path) ? path : Path.GetDirectoryName(Path.GetFullPath(path)) ?? path;
        return Access(target, WriteOk) == 0;
    }

    [DllImport("libc", EntryPoint = "access", CharSet = CharSet.Ansi, BestFitMapping = false, ThrowOnUnmappableChar = true)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static extern int Access([MarshalAs(UnmanagedType.LPUTF8Str)] string path, int mode);
}
