namespace Workbench.Problems.Bbob;

/// <summary>The variable and value transformations of the bbob definitions (T_osz, T_asy, Lambda, rotations).</summary>
/// <remarks>Each follows COCO's order of floating-point operations so that results agree to the last bits.
/// All work in place or into caller-provided spans: nothing is allocated per point.</remarks>
internal static class Transforms
{
    /// <summary>i / (n - 1), the position of coordinate i along the conditioning scale.</summary>
    public static double Ratio(int i, int n) => (double)i / (n - 1.0);

    /// <summary>y = x - shift.</summary>
    public static void Shift(ReadOnlySpan<double> x, ReadOnlySpan<double> shift, Span<double> y)
    {
        for (var i = 0; i < x.Length; i++)
        {
            y[i] = x[i] - shift[i];
        }
    }

    /// <summary>y = M x (+ b), M row-major; y must not overlap x.</summary>
    public static void Affine(ReadOnlySpan<double> m, ReadOnlySpan<double> x, Span<double> y, double b = 0.0)
    {
        var n = x.Length;
        for (var i = 0; i < n; i++)
        {
            var row = m.Slice(i * n, n);
            var sum = b;
            for (var j = 0; j < n; j++)
            {
                sum += x[j] * row[j];
            }

            y[i] = sum;
        }
    }

    /// <summary>T_osz applied to every coordinate, in place.</summary>
    public static void Oscillate(Span<double> x)
    {
        for (var i = 0; i < x.Length; i++)
        {
            x[i] = Oscillate(x[i]);
        }
    }

    /// <summary>T_osz of one value: a smooth, symmetry-breaking wiggle that keeps 0 and the sign.</summary>
    public static double Oscillate(double v)
    {
        if (v > 0.0)
        {
            var t = Math.Log(v) / 0.1;
            return Math.Pow(Math.Exp(t + 0.49 * (Math.Sin(t) + Math.Sin(0.79 * t))), 0.1);
        }

        if (v < 0.0)
        {
            var t = Math.Log(-v) / 0.1;
            return -Math.Pow(Math.Exp(t + 0.49 * (Math.Sin(0.55 * t) + Math.Sin(0.31 * t))), 0.1);
        }

        return 0.0;
    }

    /// <summary>T_asy^beta in place: positive coordinates raised to a power growing with their index.</summary>
    public static void Asymmetric(Span<double> x, double beta)
    {
        var n = x.Length;
        for (var i = 0; i < n; i++)
        {
            if (x[i] > 0.0)
            {
                x[i] = Math.Pow(x[i], 1.0 + beta * i / (n - 1.0) * Math.Sqrt(x[i]));
            }
        }
    }

    /// <summary>Lambda^alpha in place: coordinate i scaled by alpha^(i / (2(n-1))).</summary>
    public static void Condition(Span<double> x, double alpha)
    {
        var n = x.Length;
        for (var i = 0; i < n; i++)
        {
            x[i] = Math.Pow(alpha, 0.5 * i / (n - 1.0)) * x[i];
        }
    }

    /// <summary>The boundary penalty sum of max(0, |x_i| - 5)^2; zero inside the [-5, 5] domain.</summary>
    public static double Penalty(ReadOnlySpan<double> x)
    {
        var sum = 0.0;
        foreach (var v in x)
        {
            var excess = Math.Abs(v) - 5.0;
            if (excess > 0.0)
            {
                sum += excess * excess;
            }
        }

        return sum;
    }

    /// <summary>R diag(base^(k/(n-1))) Q, the combined linear map of several functions, row-major.</summary>
    public static double[] Sandwich(double[] r, double scaleBase, double[] q, int n)
    {
        var m = new double[n * n];
        for (var i = 0; i < n; i++)
        {
            for (var j = 0; j < n; j++)
            {
                var sum = 0.0;
                for (var k = 0; k < n; k++)
                {
                    sum += r[i * n + k] * Math.Pow(scaleBase, Ratio(k, n)) * q[k * n + j];
                }

                m[i * n + j] = sum;
            }
        }

        return m;
    }
}
