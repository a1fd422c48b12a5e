using Workbench.Contracts.Options;

namespace Workbench.Contracts;

/// <summary>Optional on an optimiser or task factory: how much memory the component would hold at its peak for
/// given settings, so the host can refuse a run that would not fit before anything is allocated.</summary>
/// <remarks>An estimate, not a promise: count the arrays that grow with the settings (population × dimension,
/// dimension², grid²); leave out small constants. Computed from the settings alone, in microseconds.</remarks>
public interface IMemoryEstimate
{
    /// <param name="dimension">The problem's dimension (0 for a parallel task).</param>
    /// <param name="options">The component's parsed options, defaults included.</param>
    /// <returns>Bytes, or null when the component cannot tell.</returns>
    long? EstimateBytes(int dimension, OptionValues options);
}
