namespace Workbench.Cli;

/// <summary>Process exit codes of <c>wb</c>.</summary>
public static class ExitCodes
{
    public const int Ok = 0;

    /// <summary>The work failed: a plugin threw, a run failed, a store error.</summary>
    public const int Failed = 1;

    /// <summary>Bad usage: unknown ids, bad option values, a dimension the problem cannot take.</summary>
    public const int Usage = 2;

    /// <summary>Interrupted by Ctrl-C (128 + SIGINT).</summary>
    public const int Cancelled = 130;
}
