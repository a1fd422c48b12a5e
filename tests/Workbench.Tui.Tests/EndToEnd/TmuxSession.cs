using System.Diagnostics;
using Workbench.Conformance;

namespace Workbench.Tui.Tests.EndToEnd;

/// <summary>The real <c>wb</c> in a real terminal: a detached tmux session of a fixed size, driven with
/// <c>send-keys</c> and read with <c>capture-pane</c>. Each session has a unique name, its own temp plugin folder
/// and working directory, and is killed on dispose.</summary>
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

    public static TmuxSession Start(int width = 80, int height = 24, params string[] extraArgs)
    {
        var name = "wbtui-" + Guid.NewGuid().ToString("N")[..10];
        var work = Directory.CreateTempSubdirectory("wb-tui-").FullName;
        var plugins = Directory.CreateDirectory(Path.Combine(work, "extra-plugins")).FullName;
        var args = string.Join(' ', new[] { "dotnet", Quote(WbProcess.WbDll), "--plugins", Quote(plugins) }.Concat(extraArgs.Select(Quote)));
        var session = new TmuxSession(name, work, plugins);
        // remain-on-exit keeps the pane (and any crash message) readable after wb exits.
        Tmux("new-session", "-d", "-s", name, "-x", width.ToString(), "-y", height.ToString(), "-c", work,
            $"{args} 2>{Quote(Path.Combine(work, "stderr.txt"))}; echo '[wb exited]'; sleep 600");
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
