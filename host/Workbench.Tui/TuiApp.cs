using Terminal.Gui.App;
using Terminal.Gui.Input;
using Workbench.Tui.Screens;
using Workbench.Tui.Views;

namespace Workbench.Tui;

/// <summary>Entry point of the terminal UI: <c>wb</c> with no arguments, or <c>wb ui</c>.</summary>
public static class TuiApp
{
    public static int Run(TuiServices services)
    {
        using var app = Application.Create().Init(services.Driver);
        using var window = new MainWindow();
        var ui = new UiThread(app, text => window.Say("error: " + text));
        var run = new RunScreen(services, ui, window.Say);
        var plugins = new PluginsScreen(services.Catalog, window.Say);
        var runs = new RunsScreen(services.Runs, ui, window.Say);
        var tasks = new TasksScreen(services, ui, window.Say);
        // Disposed before the application (declared after it): the probe loop stops before its UI goes.
        using var cluster = new ClusterScreen(services.Cluster, ui, window.Say, () => run.PeersText);
        IScreen[] screens = [run, plugins, runs, tasks, cluster];
        foreach (var screen in screens)
        {
            window.AddScreen(screen);
        }

        window.GlobalKeys =
        [
            new(Key.F1, "Run", () => window.Show(run)),
            new(Key.F2, "Plugins", () => window.Show(plugins)),
            new(Key.F3, "Runs", () => window.Show(runs)),
            new(Key.F4, "Tasks", () => window.Show(tasks)),
            // F5 to F9 act inside screens (start, rescan, reload, ...), so the fifth screen takes F10.
            new(Key.F10, "Cluster", () => window.Show(cluster)),
            new(Key.Q.WithCtrl, "Quit", () => app.RequestStop()),
        ];

        // Catalog changes arrive on a timer thread; the screens are rebuilt on the UI thread.
        services.Catalog.Changed += (_, change) => ui.Post(() =>
        {
            plugins.Reload();
            run.Reload();
            tasks.Reload();
            window.Say($"plugins: {change.Summary(services.Catalog.Plugins)}");
        });
        // A run recorded while the Runs screen is shown appears there without F5.
        run.RunFinished += () =>
        {
            if (window.Current == runs)
            {
                runs.Reload();
            }
        };
        app.Keyboard.KeyDown += (_, key) =>
        {
            if (!key.Handled && window.Dispatch(key))
            {
                key.Handled = true;
            }
        };
        window.Show(run);
        app.Run(window, ex =>
        {
            // A bug in a screen must not take the terminal down with it; show it and keep going.
            window.Say($"error: {ex.GetType().Name}: {ex.Message}");
            return true;
        });
        run.CancelOnExit();
        return 0;
    }
}
