namespace Workbench.Conformance;

/// <summary>A plugin broke one of the contract's rules; the message names the rule and what was seen.</summary>
/// <remarks>Its own type rather than a test framework's assertion, so the kit works under xUnit, NUnit or MSTest
/// alike: any exception fails the calling test.</remarks>
public sealed class ConformanceException(string message) : Exception(message);
