namespace Workbench.Contracts.Options;

/// <summary>Options with rules that span several values (checked after every value passed its own range).</summary>
public interface IValidatableOptions
{
    /// <summary>Returns one message per broken rule, each naming the option(s) involved; empty when valid.</summary>
    IEnumerable<OptionError> Validate();
}

public readonly record struct OptionError(string OptionName, string Message);
