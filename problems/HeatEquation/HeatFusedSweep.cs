namespace Workbench.Problems.HeatEquation;

/// <summary>Several time steps of a band in one pass over memory, bit for bit the steps done one after the other.</summary>
/// <remarks>
/// At 2000² one step streams the whole field through memory (read a column, write its next state), and two nodes
/// on two cores are bounded by the memory bus, not by arithmetic. Sweeping the band once per <c>depth</c> steps, with
/// every intermediate step kept in a ring of three columns per level that stays in cache and the last step written
/// back in place, moves 1/depth of the bytes per cell update. Every cell of every step is still computed by
/// <see cref="HeatStencil.Column"/> from the same inputs, so the field is exactly that of the plain loop.
/// <para>Columns 1..m are owned, 0 and m+1 are ghosts; level L is step t+L. Sweeping j = 1..m: level 1 of column j,
/// then level L of column j-L+1 (which needs level L-1 of j-L..j-L+2) for L = 2..depth, the last level overwriting
/// its column, whose old value no later column needs. Level L of the L-1 columns next to each edge needs the
/// neighbours' level L-1, so those triangles wait for the sweep's end: level 1's edges are exchanged, level 2's
/// edge columns computed, exchanged, and so on up to the last level, exchanged into the ghosts: the same messages,
/// in the same order, as <c>depth</c> single steps. Level L's columns needed there are copied aside as the sweep
/// computes them.</para>
/// </remarks>
internal sealed class HeatFusedSweep
{
    /// <summary>Sends this node's <paramref name="first"/> and <paramref name="last"/> owned columns to the
    /// neighbours and receives theirs into <paramref name="leftGhost"/> and <paramref name="rightGhost"/>.</summary>
    public delegate void Exchange(ReadOnlySpan<double> first, ReadOnlySpan<double> last, Span<double> leftGhost, Span<double> rightGhost);

    private readonly int _n;
    private readonly int _depth;
    private readonly double[] _rings;
    private readonly double[] _left;
    private readonly double[] _right;

    /// <param name="depth">The most steps one pass does (at least 2).</param>
    public HeatFusedSweep(int n, int depth)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(depth, 2);
        _n = n;
        _depth = depth;
        // Rows 0 and n-1 are never written by the stencil: zero, the Dirichlet boundary, as in the field.
        _rings = new double[(depth - 1) * 3 * n];
        _left = new double[(depth - 1) * (depth + 2) * n];
        _right = new double[(depth - 1) * (depth + 2) * n];
    }

    /// <summary>Owned columns a band needs for a pass of <paramref name="depth"/> steps: below that the edge
    /// triangles would meet.</summary>
    public static int MinimumColumns(int depth) => 2 * depth;

    /// <summary>The deepest pass, up to <paramref name="most"/>, that a band of <paramref name="ownedColumns"/> allows
    /// (<see cref="MinimumColumns"/> inverted); below 2, the band takes single steps only.</summary>
    public static int DeepestFor(int ownedColumns, int most) => Math.Min(most, ownedColumns / 2);

    /// <summary>Advances <paramref name="band"/> (width columns of n, ghosts included, valid at step t) to step
    /// t+<paramref name="depth"/> with valid ghosts; 2 &lt;= depth &lt;= the constructor's, width - 2 &gt;=
    /// <see cref="MinimumColumns"/>.</summary>
    public void Advance(double[] band, int width, double k, int depth, Exchange exchange)
    {
        var m = width - 2;
        if (depth < 2 || depth > _depth || m < MinimumColumns(depth))
        {
            throw new ArgumentOutOfRangeException(nameof(depth), $"depth {depth} on {m} columns");
        }

        for (var j = 1; j <= m; j++)
        {
            HeatStencil.Column(Col(band, j - 1), Col(band, j), Col(band, j + 1), Ring(1, j), k);
            Keep(1, j, m);
            for (var level = 2; level <= depth; level++)
            {
                var c = j - level + 1;
                if (c < level)
                {
                    break;
                }

                var output = level == depth ? Col(band, c) : Ring(level, c);
                HeatStencil.Column(Ring(level - 1, c - 1), Ring(level - 1, c), Ring(level - 1, c + 1), output, k);
                if (level < depth)
                {
                    Keep(level, c, m);
                }
            }
        }

        for (var level = 1; level < depth; level++)
        {
            // Ghosts of this level: the neighbours' edges, or the boundary's zeros already in the band's ghosts.
            Col(band, 0).CopyTo(Left(level, 0));
            Col(band, m + 1).CopyTo(Right(level, m, m + 1));
            exchange(Left(level, 1), Right(level, m, m), Left(level, 0), Right(level, m, m + 1));
            var next = level + 1;
            for (var c = 1; c < next; c++)
            {
                var output = next == depth ? Col(band, c) : Left(next, c);
                HeatStencil.Column(Left(level, c - 1), Left(level, c), Left(level, c + 1), output, k);
            }

            for (var c = m - next + 2; c <= m; c++)
            {
                var output = next == depth ? Col(band, c) : Right(next, m, c);
                HeatStencil.Column(Right(level, m, c - 1), Right(level, m, c), Right(level, m, c + 1), output, k);
            }
        }

        exchange(Col(band, 1), Col(band, m), Col(band, 0), Col(band, m + 1));
    }

    /// <summary>Copies level <paramref name="level"/> of column <paramref name="c"/>, just computed by the sweep,
    /// aside when an edge triangle will need it: columns level..level+1 on the left, m-level..m-level+1 on the right
    /// (level 1: its two outer columns on either side, which also go to the neighbours).</summary>
    private void Keep(int level, int c, int m)
    {
        if (c <= level + 1)
        {
            Ring(level, c).CopyTo(Left(level, c));
        }

        if (c >= m - level)
        {
            Ring(level, c).CopyTo(Right(level, m, c));
        }
    }

    private Span<double> Col(double[] band, int j) => band.AsSpan(j * _n, _n);

    private Span<double> Ring(int level, int c) => _rings.AsSpan((((level - 1) * 3) + (c % 3)) * _n, _n);

    /// <summary>Level <paramref name="level"/> of column <paramref name="c"/> = 0..level+1 near the left edge.</summary>
    private Span<double> Left(int level, int c) => _left.AsSpan((((level - 1) * (_depth + 2)) + c) * _n, _n);

    /// <summary>Level <paramref name="level"/> of column <paramref name="c"/> = m-level..m+1 near the right edge.</summary>
    private Span<double> Right(int level, int m, int c) => _right.AsSpan((((level - 1) * (_depth + 2)) + (c - (m - level))) * _n, _n);
}
