using System.Numerics;

namespace Workbench.Problems.HeatEquation;

/// <summary>The numerics shared by every node count and by the plain baseline loop, so that they all perform the
/// same floating-point operations in the same order for every cell: that is what makes the K-node field equal
/// the 1-node field bit for bit.</summary>
/// <remarks>Fields are column-major: column c (x) is the contiguous span <c>[c*n, (c+1)*n)</c> and row r is y.</remarks>
public static class HeatStencil
{
    /// <summary>One explicit Euler step of column <paramref name="center"/> rows 1..n-2:
    /// <c>u' = u + k((uW + uE) + (uS + uN) - 4u)</c> with <c>k = dt/dx^2</c>. Rows 0 and n-1 are not written.</summary>
    /// <remarks>Vector lanes compute exactly the scalar expression (IEEE operations per lane, no fused multiply-add),
    /// so vector and scalar rows agree bit for bit.</remarks>
    public static void Column(ReadOnlySpan<double> west, ReadOnlySpan<double> center, ReadOnlySpan<double> east, Span<double> output, double k)
    {
        var n = center.Length;
        var r = 1;
        if (Vector.IsHardwareAccelerated && n - 2 >= Vector<double>.Count)
        {
            var kv = new Vector<double>(k);
            var four = new Vector<double>(4.0);
            for (; r + Vector<double>.Count <= n - 1; r += Vector<double>.Count)
            {
                var c = new Vector<double>(center[r..]);
                var s = new Vector<double>(center[(r - 1)..]);
                var no = new Vector<double>(center[(r + 1)..]);
                var we = new Vector<double>(west[r..]);
                var ea = new Vector<double>(east[r..]);
                (c + (kv * ((we + ea) + (s + no) - (four * c)))).CopyTo(output[r..]);
            }

        }

        for (; r < n - 1; r++)
        {
            var c = center[r];
            output[r] = c + (k * ((west[r] + east[r]) + (center[r - 1] + center[r + 1]) - (4.0 * c)));
        }
    }

    /// <summary>The initial Gaussian <c>exp(-(x^2+y^2)/(2 sigma^2))</c> on column <paramref name="column"/>, zero on
    /// the boundary. Computed from global indices, so every node fills shared columns identically.</summary>
    public static void Initial(Span<double> output, int column, int n, double sigma)
    {
        if (column <= 0 || column >= n - 1)
        {
            output.Clear();
            return;
        }

        var dx = 2.0 / (n - 1);
        var x = -1.0 + (column * dx);
        output[0] = 0;
        output[n - 1] = 0;
        for (var r = 1; r < n - 1; r++)
        {
            var y = -1.0 + (r * dx);
            output[r] = Math.Exp(-((x * x) + (y * y)) / (2 * sigma * sigma));
        }
    }

    /// <summary>The free-space solution from that initial condition: variance sigma^2 + 2t per axis, amplitude
    /// sigma^2/(sigma^2+2t). It solves the Dirichlet problem only while the Gaussian is negligible at the boundary.</summary>
    public static double Analytic(double x, double y, double t, double sigma)
    {
        var variance = (sigma * sigma) + (2 * t);
        return sigma * sigma / variance * Math.Exp(-((x * x) + (y * y)) / (2 * variance));
    }

    /// <summary>Splits the n-2 interior columns 1..n-2 into <paramref name="nodes"/> bands, the first ones one
    /// column wider: returns [first, end) of band <paramref name="node"/>.</summary>
    public static (int First, int End) Band(int n, int nodes, int node)
    {
        var interior = n - 2;
        var size = interior / nodes;
        var extra = interior % nodes;
        var first = 1 + (node * size) + Math.Min(node, extra);
        return (first, first + size + (node < extra ? 1 : 0));
    }
}
