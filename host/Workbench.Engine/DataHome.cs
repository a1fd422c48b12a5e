namespace Workbench.Engine;

/// <summary>Where Workbench keeps its data on this machine: <c>$XDG_DATA_HOME/workbench</c>, else
/// <c>~/.local/share/workbench</c> (the run store, a peer's cache of shipped plugins).</summary>
public static class DataHome
{
    public static string Directory
    {
        get
        {
            var dataHome = Environment.GetEnvironmentVariable("XDG_DATA_HOME");
            if (string.IsNullOrWhiteSpace(dataHome) || !Path.IsPathRooted(dataHome))
            {
                // The XDG spec says a relative XDG_DATA_HOME is invalid and must be ignored.
                dataHome = Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".local", "share");
            }

            return Path.Combine(dataHome, "workbench");
        }
    }
}
