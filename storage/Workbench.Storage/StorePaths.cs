namespace Workbench.Storage;

/// <summary>Where the run database lives: <c>--db</c>, else <c>$WORKBENCH_DB</c>, else
/// <c>$XDG_DATA_HOME/workbench/runs.db</c> (default <c>~/.local/share/workbench/runs.db</c>).</summary>
/// <remarks>The file must be on a local disk: the lock that keeps a second writer out is an advisory OS lock,
/// which network file systems (NFS, SMB) do not reliably honour across machines.</remarks>
public static class StorePaths
{
    public const string EnvironmentVariable = "WORKBENCH_DB";

    public static string Resolve(string? explicitPath)
    {
        if (!string.IsNullOrWhiteSpace(explicitPath))
        {
            return Path.GetFullPath(explicitPath);
        }

        if (Environment.GetEnvironmentVariable(EnvironmentVariable) is { Length: > 0 } fromEnv)
        {
            return Path.GetFullPath(fromEnv);
        }

        return Path.Combine(Engine.DataHome.Directory, "runs.db");
    }
}
