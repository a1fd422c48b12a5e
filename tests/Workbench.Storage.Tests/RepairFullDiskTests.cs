using System.Diagnostics;
using Xunit;

namespace Workbench.Storage.Tests;

/// <summary>wb db repair on a disk without room for the new file: one line, the original untouched, nothing left
/// beside it (no empty backup, no scratch copy).</summary>
[Trait("kind", "process")]
public sealed class RepairFullDiskTests : IDisposable
{
    private readonly string _mount = Directory.CreateTempSubdirectory("wb-full-").FullName;
    private bool _mounted;

    public void Dispose()
    {
        if (_mounted)
        {
            Sh("umount", _mount);
        }

        Directory.Delete(_mount, recursive: true);
    }

    [SkippableFact]
    public void A_full_disk_is_refused_with_one_line_and_the_original_untouched()
    {
        // A small tmpfs stands for a full disk; mounting one needs root with CAP_SYS_ADMIN.
        _mounted = Sh("mount", "-t", "tmpfs", "-o", "size=2m", "tmpfs", _mount) == 0;
        Skip.IfNot(_mounted, "cannot mount a small tmpfs here (needs root with CAP_SYS_ADMIN)");
        using (var seed = new TempStore())
        {
            RepairTests.Fill(seed.DbPath, runs: 12);
            File.Copy(seed.DbPath, Path.Combine(_mount, "runs.db"));
        }

        var db = Path.Combine(_mount, "runs.db");
        var before = TempStore.Hash(db);

        var refused = Assert.Throws<StoreException>(() => StoreRepair.Run(db));

        Assert.DoesNotContain('\n', refused.Message);
        Assert.Contains("free", refused.Message, StringComparison.Ordinal);
        Assert.Equal(before, TempStore.Hash(db));
        Assert.Equal(["runs.db"], Directory.GetFiles(_mount).Select(Path.GetFileName).Where(f => !f!.Contains(".lock", StringComparison.Ordinal)));
    }

    private static int Sh(params string[] args)
    {
        var info = new ProcessStartInfo(args[0]) { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
        foreach (var arg in args.Skip(1))
        {
            info.ArgumentList.Add(arg);
        }

        try
        {
            using var process = Process.Start(info)!;
            process.WaitForExit();
            return process.ExitCode;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return -1;
        }
    }
}
