using Workbench.Engine;

namespace Workbench.Cli.Commands;

/// <summary>Turns the Engine's setting names back into this CLI's flags in messages: the Engine says
/// "max-evals must be at least 1", which an API user reads as a setting; here it reads "--max-evals ...".</summary>
internal static class SettingFlags
{
    /// <summary>Settings whose flag is the setting name with two dashes.</summary>
    private static readonly HashSet<string> Flagged = new(StringComparer.Ordinal)
    {
        "workers", "device", "bounds", "islands", "migration-interval", "migration-rate", "max-evals", "max-iters",
        "target", "time-limit", "stagnation", "on-nonfinite", "peers", "on-peer-loss",
    };

    public static string Explain(RunSetupException ex) =>
        Flagged.Contains(ex.Subject) && ex.Message.StartsWith(ex.Subject + " ", StringComparison.Ordinal)
            ? "--" + ex.Message
            : ex.Message;
}
