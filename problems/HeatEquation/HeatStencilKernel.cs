using ILGPU;

namespace Workbench.Problems.HeatEquation;

/// <summary>The GPU twin of <see cref="HeatStencil.Column"/>: one thread per interior cell, the same expression
/// <c>u' = u + k((uW + uE) + (uS + uN) - 4u)</c> in the same order, on the same column-major layout.</summary>
public static class HeatStencilKernel
{
    /// <param name="cell">X = row − 1, Y = column − 1 (rows are contiguous, so a warp reads consecutive addresses).</param>
    public static void Step(Index2D cell, ArrayView<double> current, ArrayView<double> next, int n, double k)
    {
        var row = (long)cell.X + 1;
        var column = (long)cell.Y + 1;
        var index = (column * n) + row;
        var c = current[index];
        next[index] = c + (k * ((current[index - n] + current[index + n]) + (current[index - 1] + current[index + 1]) - (4.0 * c)));
    }
}
