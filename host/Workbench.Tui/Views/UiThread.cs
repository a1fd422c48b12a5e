using Terminal.Gui.App;

namespace Workbench.Tui.Views;

/// <summary>Posts work to the UI thread and keeps a failure there from ending the application.</summary>
internal sealed class UiThread(IApplication app, Action<string> showError)
{
    public IApplication App { get; } = app;

    public void Post(Action action) => App.Invoke(() => Guard(action));

    /// <summary>Runs UI code; an exception becomes a message on the status line instead of a crash.</summary>
    public void Guard(Action action)
    {
        try
        {
            action();
        }
        catch (Exception ex)
        {
            showError($"{ex.GetType().Name}: {ex.Message}");
        }
    }
}
