namespace Workbench.Algorithms.CmaEs;

/// <summary>Eigendecomposition of a symmetric matrix: Householder reduction to tridiagonal form, then the
/// implicit QL algorithm (tred2/tql2 as in EISPACK and JAMA). All workspace is allocated once, so repeated
/// decompositions of one size allocate nothing.</summary>
internal sealed partial class SymmetricEigen
{
    private readonly int _n;
    private readonly double[] _e;

    public SymmetricEigen(int n)
    {
        _n = n;
        _e = new double[n];
    }

    /// <summary>Decomposes <paramref name="a"/> (row-major n x n, only symmetric input is meaningful).</summary>
    /// <param name="a">The matrix; not modified.</param>
    /// <param name="vectors">Receives the orthonormal eigenvectors as columns, row-major n x n.</param>
    /// <param name="values">Receives the eigenvalues in ascending order.</param>
    /// <returns>False when QL did not converge (only for non-finite input).</returns>
    public bool Decompose(ReadOnlySpan<double> a, Span<double> vectors, Span<double> values)
    {
        a[..(_n * _n)].CopyTo(vectors);
        Tridiagonalize(vectors, values);
        var ok = Diagonalize(vectors, values);
        SortAscending(vectors, values);
        return ok;
    }

    private void Tridiagonalize(Span<double> v, Span<double> d)
    {
        int n = _n;
        var e = _e.AsSpan();
        for (var j = 0; j < n; j++)
        {
            d[j] = v[((n - 1) * n) + j];
        }

        for (var i = n - 1; i > 0; i--)
        {
            // Scaling the row avoids under- and overflow in the Householder vector.
            double scale = 0, h = 0;
            for (var k = 0; k < i; k++)
            {
                scale += Math.Abs(d[k]);
            }

            if (scale == 0)
            {
                e[i] = d[i - 1];
                for (var j = 0; j < i; j++)
                {
                    d[j] = v[((i - 1) * n) + j];
                    v[(i * n) + j] = 0;
                    v[(j * n) + i] = 0;
                }
            }
            else
            {
                for (var k = 0; k < i; k++)
                {
                    d[k] /= scale;
                    h += d[k] * d[k];
                }

                var f = d[i - 1];
                var g = f > 0 ? -Math.Sqrt(h) : Math.Sqrt(h);
                e[i] = scale * g;
                h -= f * g;
                d[i - 1] = f - g;
                e[..i].Clear();
                for (var j = 0; j < i; j++)
                {
                    f = d[j];
                    v[(j * n) + i] = f;
                    g = e[j] + (v[(j * n) + j] * f);
                    for (var k = j + 1; k <= i - 1; k++)
                    {
                        g += v[(k * n) + j] * d[k];
                        e[k] += v[(k * n) + j] * f;
                    }

                    e[j] = g;
                }

                f = 0;
                for (var j = 0; j < i; j++)
                {
                    e[j] /= h;
                    f += e[j] * d[j];
                }

                var hh = f / (h + h);
                for (var j = 0; j < i; j++)
                {
                    e[j] -= hh * d[j];
                }

                for (var j = 0; j < i; j++)
                {
                    f = d[j];
                    g = e[j];
                    for (var k = j; k <= i - 1; k++)
                    {
                        v[(k * n) + j] -= (f * e[k]) + (g * d[k]);
                    }

                    d[j] = v[((i - 1) * n) + j];
                    v[(i * n) + j] = 0;
                }
            }

            d[i] = h;
        }

        // Accumulate the Householder transformations into v.
        for (var i = 0; i < n - 1; i++)
        {
            v[((n - 1) * n) + i] = v[(i * n) + i];
            v[(i * n) + i] = 1;
            var h = d[i + 1];
            if (h != 0)
            {
                for (var k = 0; k <= i; k++)
                {
                    d[k] = v[(k * n) + i + 1] / h;
                }

                for (var j = 0; j <= i; j++)
                {
                    double g = 0;
                    for (var k = 0; k <= i; k++)
                    {
                        g += v[(k * n) + i + 1] * v[(k * n) + j];
                    }

                    for (var k = 0; k <= i; k++)
                    {
                        v[(k * n) + j] -= g * d[k];
                    }
                }
            }

            for (var k = 0; k <= i; k++)
            {
                v[(k * n) + i + 1] = 0;
            }
        }

        for (var j = 0; j < n; j++)
        {
            d[j] = v[((n - 1) * n) + j];
            v[((n - 1) * n) + j] = 0;
        }

        v[(n * n) - 1] = 1;
        e[0] = 0;
    }
}
