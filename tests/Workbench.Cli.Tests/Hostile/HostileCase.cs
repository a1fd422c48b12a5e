namespace Workbench.Cli.Tests.Hostile;

/// <summary>One bad input: the arguments (with <c>{db}</c>, <c>{dir}</c>, <c>{id}</c> and <c>{file}</c> filled in per
/// case) and the exit code a user must get, with one line on stderr (or, for <c>wb db check</c>, whose answer is a
/// report, the report on stdout).</summary>
public sealed record HostileCase(string Name, int ExitCode, string[] Args, bool Report = false)
{
    public override string ToString() => Name;
}
