namespace Workbench.Engine.Evaluation;

/// <summary>What the guard does when a problem returns NaN or an infinity.</summary>
public enum NonFinitePolicy
{
    /// <summary>Fail the run with an error that names the problem and the point (the default: a NaN is usually a bug).</summary>
    Error,

    /// <summary>Replace the value with +infinity, the worst possible fitness, and go on.</summary>
    TreatAsWorst,
}
