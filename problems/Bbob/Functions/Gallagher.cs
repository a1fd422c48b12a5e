using static Workbench.Problems.Bbob.Transforms;

namespace Workbench.Problems.Bbob.Functions;

/// <summary>f21 (101 peaks) and f22 (21 peaks) Gallagher: the highest of many rotated Gaussian peaks.</summary>
internal sealed class Gallagher : BbobFunction
{
    private readonly int _peaks;
    private readonly double[] _r;
    private readonly double[] _centres; // peak-major: _centres[p * n + j], in rotated coordinates
    private readonly double[] _scales;  // peak-major
    private readonly double[] _heights;
    private readonly double[] _xopt;

    public Gallagher(int n, long seed, double fopt, int peaks)
        : base(n, fopt)
    {
        _peaks = peaks;
        // f21 spreads its peaks over [-5, 5) with a milder global peak; f22 uses [-4.9, 4.9) and condition 1000.
        var (width, half, topCondition) = peaks == 101 ? (10.0, 5.0, Math.Sqrt(1000.0)) : (9.8, 4.9, 1000.0);
        _r = InstanceRandom.Rotation(n, seed);

        // The local peaks' conditions are 1000^(k/(peaks-2)) in a random order (the argsort of uniform draws).
        var order = ArgSort(InstanceRandom.Uniform(peaks - 1, seed));
        var conditions = new double[peaks];
        _heights = new double[peaks];
        conditions[0] = topCondition;
        _heights[0] = 10.0;
        for (var i = 1; i < peaks; i++)
        {
            conditions[i] = Math.Pow(1000.0, order[i - 1] / (double)(peaks - 2));
            _heights[i] = (double)(i - 1) / (peaks - 2) * (9.1 - 1.1) + 1.1;
        }

        _scales = new double[peaks * n];
        for (var p = 0; p < peaks; p++)
        {
            var axes = ArgSort(InstanceRandom.Uniform(n, seed + 1000L * p));
            for (var j = 0; j < n; j++)
            {
                _scales[p * n + j] = Math.Pow(conditions[p], axes[j] / (double)(n - 1) - 0.5);
            }
        }

        var u = InstanceRandom.Uniform(n * peaks, seed);
        _xopt = new double[n];
        _centres = new double[peaks * n];
        for (var i = 0; i < n; i++)
        {
            _xopt[i] = 0.8 * (width * u[i] - half);
            for (var p = 0; p < peaks; p++)
            {
                var sum = 0.0;
                for (var k = 0; k < n; k++)
                {
                    sum += _r[i * n + k] * (width * u[p * n + k] - half);
                }

                _centres[p * n + i] = p == 0 ? sum * 0.8 : sum;
            }
        }
    }

    public override double[] Xopt => _xopt;

    public override int WorkVectors => 1;

    public override double Value(ReadOnlySpan<double> x, Span<double> work)
    {
        var n = x.Length;
        var y = work[..n];
        Affine(_r, x, y);
        var fac = -0.5 / n;
        var best = 0.0;
        for (var p = 0; p < _peaks; p++)
        {
            var centre = _centres.AsSpan(p * n, n);
            var scale = _scales.AsSpan(p * n, n);
            var sum = 0.0;
            for (var j = 0; j < n; j++)
            {
                var d = y[j] - centre[j];
                sum += scale[j] * d * d;
            }

            best = Math.Max(best, _heights[p] * Math.Exp(fac * sum));
        }

        var f = Oscillate(10.0 - best);
        return f * f + Penalty(x) + Fopt;
    }

    /// <summary>Indices that sort the values ascending (COCO's qsort of value-index pairs; ties do not occur).</summary>
    private static int[] ArgSort(double[] values)
    {
        var index = new int[values.Length];
        for (var i = 0; i < index.Length; i++)
        {
            index[i] = i;
        }

        Array.Sort((double[])values.Clone(), index);
        return index;
    }
}
