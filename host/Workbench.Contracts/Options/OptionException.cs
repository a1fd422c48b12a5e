namespace Workbench.Contracts.Options;

/// <summary>A bad option value. The message is one line, names the option and says what is allowed.</summary>
public sealed class OptionException : Exception
{
    public OptionException(string optionName, string message)
        : base(message)
    {
        OptionName = optionName;
    }

    public string OptionName { get; }
}
