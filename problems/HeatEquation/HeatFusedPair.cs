namespace Workbench.Problems.HeatEquation;

/// <summary>Two time steps of a band in one pass over memory, bit for bit the two steps done one after the other.</summary>
/// <remarks>
/// At 2000² one step streams the whole field through memory (read a column, write its next state), and two nodes
/// on two cores are bounded by the memory bus, not by arithmetic. Sweeping the band once per pair of steps, with the
/// intermediate step kept in a ring of three columns that stays in cache and the second step written back in place,
/// moves a third of the bytes per cell update. Every cell of both steps is still computed by
/// <see cref="HeatStencil.Column"/> from the same inputs, so the field is exactly that of the plain loop.
/// <para>Columns 1..m are owned, 0 and m+1 are ghosts. Sweeping j = 1..m: step one of column j goes into the ring;
/// then step two of column j-1 (which needs step one of j-2..j) overwrites column j-1, whose old value no later
/// column needs. Step two of the two edge columns needs the neighbours' step one, so after the sweep the edges of
/// step one are exchanged, the edges of step two computed, and those exchanged as a single step would: the same
/// messages, in the same order, as two single steps.</para>
/// </remarks>
internal sealed class HeatFusedPair
{
    /// <summary>Below this many owned columns the ring would overlap the edges: single steps are used.</summary>
    public const int MinimumColumns = 4;

    /// <summary>Sends this node's <paramref name="first"/> and <paramref name="last"/> owned columns to the
    /// neighbours and receives theirs into <paramref name="leftGhost"/> and <paramref name="rightGhost"/>.</summary>
    public delegate void Exchange(ReadOnlySpan<double> first, ReadOnlySpan<double> last, Span<double> leftGhost, Span<double> rightGhost);

    private readonly int _n;
    private readonly double[] _ring;
    private readonly double[] _edges;

    public HeatFusedPair(int n)
    {
        _n = n;
        // Rows 0 and n-1 are never written by the stencil: zero, the Dirichlet boundary, as in the field.
        _ring = new double[3 * n];
        _edges = new double[4 * n];
    }

    /// <summary>Advances <paramref name="band"/> (width columns of n, ghosts included, valid at step t) to step t+2
    /// with valid ghosts.</summary>
    public void Advance(double[] band, int width, double k, Exchange exchange)
    {
        var m = width - 2;
        for (var j = 1; j <= m; j++)
        {
            HeatStencil.Column(Col(band, j - 1), Col(band, j), Col(band, j + 1), Ring(j), k);
            if (j <= 2)
            {
                Ring(j).CopyTo(Edge(j - 1));
            }

            if (j >= 3)
            {
                HeatStencil.Column(Ring(j - 2), Ring(j - 1), Ring(j), Col(band, j - 1), k);
            }
        }

        // Step one's ghosts: the neighbours' edges, or the boundary's zeros already in the band's ghost columns.
        var leftGhost = Edge(2);
        var rightGhost = Edge(3);
        Col(band, 0).CopyTo(leftGhost);
        Col(band, m + 1).CopyTo(rightGhost);
        exchange(Edge(0), Ring(m), leftGhost, rightGhost);
        HeatStencil.Column(leftGhost, Edge(0), Edge(1), Col(band, 1), k);
        HeatStencil.Column(Ring(m - 1), Ring(m), rightGhost, Col(band, m), k);
        exchange(Col(band, 1), Col(band, m), Col(band, 0), Col(band, m + 1));
    }

    private Span<double> Col(double[] band, int j) => band.AsSpan(j * _n, _n);

    private Span<double> Ring(int j) => _ring.AsSpan(j % 3 * _n, _n);

    /// <summary>0, 1: step one of owned columns 1 and 2; 2, 3: step one of the left and right ghosts.</summary>
    private Span<double> Edge(int slot) => _edges.AsSpan(slot * _n, _n);
}
