namespace Workbench.Engine;

/// <summary>A run could not be set up from what the user gave (an unknown id, a bad option, a bad dimension).
/// The message is one line that names the valid choices or range; UIs map it to a usage error.</summary>
public sealed class RunSetupException : Exception
{
    public RunSetupException(string subject, string message, Exception? inner = null)
        : base(message, inner)
    {
        Subject = subject;
    }

    /// <summary>What was wrong: an option name, <c>algorithm</c>, <c>problem</c>, <c>dim</c>, <c>bounds</c>, ...</summary>
    public string Subject { get; }
}
