namespace Workbench.Contracts.Options;

public enum OptionKind
{
    Integer,
    Real,
    Boolean,
    Choice,
    Text,
    RealVector,
}
