using System.Diagnostics;
using Workbench.Conformance;

namespace Workbench.Tui.Tests.EndToEnd;

/// <summary>The real <c>wb</c> in a real terminal: a detached tmux session of a fixed size, driven with
/// <c>send-keys</c> and read with <c>capture-pane</c>. Each session has a unique name, its own temp plugin folder,
/// working directory and run database, and is killed on dispose.</summary>
internal sealed class TmuxSession : IDisposable
{
    private TmuxSession(string name, string workDir, string pluginDir)
    {
        Name = name;
        WorkDir = workDir;
        PluginDir = pluginDir;
    }

    public string Name { get; }

    public string WorkDir { get; }

    /// <summary>Passed with <c>--plugins</c>; tests drop plugin folders here while the UI runs.</summary>
    public string PluginDir { get; }

    public string LastScreen { get; private set; } = "";

    /// <summary>The run database of the session (<c>WORKBENCH_DB</c>): its own, never the user's.</summary>
    public string Database => Path.Combine(WorkDir, "runs.db");

    /// <summary>A fresh working directory for <see cref="Start"/>: runs can be recorded into its database first.</summary>
    public static string NewWorkDir() => Directory.CreateTempSubdirectory("wb-tui-").FullName;

    /// <summary>Starts wb; <paramref name="environment"/> adds variables (WORKBENCH_PEERS) to its environment.</summary>
    public static TmuxSession Start(int width = 80, int height = 24, string? workDir = null, IReadOnlyDictionary<string, string>? environment = null, params string[] extraArgs)
    {
        var name = "wbtui-" + Guid.NewGuid().ToString("N")[..10];
        var work = workDir ?? NewWorkDir();
        var plugins = Directory.CreateDirectory(Path.Combine(work, "extra-plugins")).FullName;
        var session = new TmuxSession(name, work, plugins);
        var variables = string.Concat((environment ?? new Dictionary<string, string>()).Select(v => $"{v.Key}={Quote(v.Value)} "));
        var args = string.Join(' ', new[] { "dotnet", Quote(WbProcess.WbDll), "--plugins", Quote(plugins) }.Concat(extraArgs.Select(Quote)));
        // remain-on-exit keeps the pane (and any crash message) readable after wb exits.
        Tmux("new-session", "-d", "-s", name, "-x", width.ToString(), "-y", height.ToString(), "-c", work,
            $"WORKBENCH_DB={Quote(session.Database)} {variables}{args} 2>{Quote(Path.Combine(work, "stderr.txt"))}; echo '[wb exited]'; sleep 600");
        return session;
    }

    public void SendKeys(params string[] keys) => Tmux(["send-keys", "-t", Name, .. keys]);

    /// <summary>Types text literally (no key-name lookup).</summary>
    public void Type(string text) => Tmux("send-keys", "-t", Name, "-l", text);

    public void Resize(int width, int height) => Tmux("resize-window", "-t", Name, "-x", width.ToString(), "-y", height.ToString());

    public string Capture() => LastScreen = Tmux("capture-pane", "-p", "-t", Name);

    /// <summary>Polls the screen until <paramref name="until"/> holds, or fails with the last screen.</summary>
    public string WaitFor(Func<string, bool> until, string what, double seconds = 20)
    {
        var watch = Stopwatch.StartNew();
        while (true)
        {
            var screen = Capture();
            if (until(screen))
            {
                return screen;
            }

            if (watch.Elapsed.TotalSeconds > seconds)
            {
                var stderr = Path.Combine(WorkDir, "stderr.txt");
                Assert.Fail($"timed out after {seconds} s waiting for {what}; screen:\n{screen}\nstderr:\n{(File.Exists(stderr) ? File.ReadAllText(stderr) : "")}");
            }

            Thread.Sleep(100);
        }
    }

    public string WaitFor(string text, double seconds = 20) => WaitFor(s => s.Contains(text, StringComparison.Ordinal), $"'{text}'", seconds);

    /// <summary>Presses <paramref name="key"/> until <paramref name="help"/> shows (the help line of a form field).</summary>
    public void TabUntil(string help, string key = "Tab")
    {
        for (var i = 0; i < 40; i++)
        {
            // Judge by a settled screen: a change still being drawn from an earlier key (typed text echoing late
            // under load) would otherwise pass for this Tab's move and let a second Tab overtake it.
            var before = Settle();
            if (before.Contains(help, StringComparison.Ordinal))
            {
                return;
            }

            // Wait for each Tab to show before the next, so no keypress overtakes the screen we judge by.
            SendKeys(key);
            WaitFor(s => s != before, "focus to move", seconds: 5);
        }

        WaitFor(help, seconds: 2);
    }

    /// <summary>Captures until two captures 200 ms apart agree (or 5 s pass), so a redraw in progress is not judged.</summary>
    public string Settle()
    {
        var watch = Stopwatch.StartNew();
        var last = Capture();
        while (watch.Elapsed.TotalSeconds < 5)
        {
            Thread.Sleep(200);
            var next = Capture();
            if (next == last)
            {
                return next;
            }

            last = next;
        }

        return last;
    }

    public void Dispose()
    {
        try
        {
            Tmux("kill-session", "-t", Name);
        }
        catch (InvalidOperationException)
        {
            // Already gone.
        }

        try
        {
            Directory.Delete(WorkDir, recursive: true);
        }
        catch (IOException)
        {
            // wb may still be closing its database; the temp folder is left behind.
        }
        catch (UnauthorizedAccessException)
        {
        }
    }

    private static string Tmux(params string[] args)
    {
        var info = new ProcessStartInfo("tmux") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in args)
        {
            info.ArgumentList.Add(a);
        }

        using var p = Process.Start(info) ?? throw new InvalidOperationException("tmux did not start");
        var output = p.StandardOutput.ReadToEnd();
        var error = p.StandardError.ReadToEnd();
        p.WaitForExit();
        return p.ExitCode == 0 ? output : throw new InvalidOperationException($"tmux {string.Join(' ', args)}: {error.Trim()}");
    }

    private static string Quote(string s) => "'" + s.Replace("'", "'\\''", StringComparison.Ordinal) + "'";
}
