namespace Workbench.Algorithms.CmaEs;

/// <summary>The QL half of <see cref="SymmetricEigen"/>, kept apart so each file stays readable.</summary>
internal sealed partial class SymmetricEigen
{
    private bool Diagonalize(Span<double> v, Span<double> d)
    {
        int n = _n;
        var e = _e.AsSpan();
        for (var i = 1; i < n; i++)
        {
            e[i - 1] = e[i];
        }

        e[n - 1] = 0;
        double f = 0, tst1 = 0;
        const double eps = 2.220446049250313e-16;
        var converged = true;
        for (var l = 0; l < n; l++)
        {
            tst1 = Math.Max(tst1, Math.Abs(d[l]) + Math.Abs(e[l]));
            var m = l;
            while (m < n - 1 && Math.Abs(e[m]) > eps * tst1)
            {
                m++;
            }

            if (m > l)
            {
                // A cap on sweeps: finite symmetric input converges in a handful; NaN would loop forever.
                var sweeps = 0;
                do
                {
                    if (++sweeps > 60)
                    {
                        converged = false;
                        break;
                    }

                    var g = d[l];
                    var p = (d[l + 1] - g) / (2 * e[l]);
                    var r = Hypot(p, 1);
                    if (p < 0)
                    {
                        r = -r;
                    }

                    d[l] = e[l] / (p + r);
                    d[l + 1] = e[l] * (p + r);
                    var dl1 = d[l + 1];
                    var h = g - d[l];
                    for (var i = l + 2; i < n; i++)
                    {
                        d[i] -= h;
                    }

                    f += h;
                    p = d[m];
                    double c = 1, c2 = 1, c3 = 1, s = 0, s2 = 0;
                    var el1 = e[l + 1];
                    for (var i = m - 1; i >= l; i--)
                    {
                        c3 = c2;
                        c2 = c;
                        s2 = s;
                        g = c * e[i];
                        h = c * p;
                        r = Hypot(p, e[i]);
                        e[i + 1] = s * r;
                        s = e[i] / r;
                        c = p / r;
                        p = (c * d[i]) - (s * g);
                        d[i + 1] = h + (s * ((c * g) + (s * d[i])));
                        for (var k = 0; k < n; k++)
                        {
                            var row = k * n;
                            h = v[row + i + 1];
                            v[row + i + 1] = (s * v[row + i]) + (c * h);
                            v[row + i] = (c * v[row + i]) - (s * h);
                        }
                    }

                    p = -s * s2 * c3 * el1 * e[l] / dl1;
                    e[l] = s * p;
                    d[l] = c * p;
                }
                while (Math.Abs(e[l]) > eps * tst1);
            }

            d[l] += f;
            e[l] = 0;
        }

        return converged;
    }

    private void SortAscending(Span<double> v, Span<double> d)
    {
        int n = _n;
        for (var i = 0; i < n - 1; i++)
        {
            var k = i;
            for (var j = i + 1; j < n; j++)
            {
                if (d[j] < d[k])
                {
                    k = j;
                }
            }

            if (k != i)
            {
                (d[i], d[k]) = (d[k], d[i]);
                for (var row = 0; row < n * n; row += n)
                {
                    (v[row + i], v[row + k]) = (v[row + k], v[row + i]);
                }
            }
        }
    }

    /// <summary>sqrt(a² + b²) without overflow for large arguments.</summary>
    private static double Hypot(double a, double b)
    {
        double x = Math.Abs(a), y = Math.Abs(b);
        if (x < y)
        {
            (x, y) = (y, x);
        }

        if (x == 0)
        {
            return 0;
        }

        var t = y / x;
        return x * Math.Sqrt(1 + (t * t));
    }
}
