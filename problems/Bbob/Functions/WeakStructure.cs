using static Workbench.Problems.Bbob.Transforms;

namespace Workbench.Problems.Bbob.Functions;

/// <summary>f20 Schwefel x sin(sqrt|x|), with the optimum at +-4.2096874637/2 per coordinate.</summary>
internal sealed class SchwefelSine : BbobFunction
{
    private const double TwiceOptimum = 4.2096874637;
    private readonly double[] _xopt;
    private readonly double[] _sign;

    public SchwefelSine(int n, long seed, double fopt)
        : base(n, fopt)
    {
        var u = InstanceRandom.Uniform(n, seed);
        _xopt = new double[n];
        _sign = new double[n];
        for (var i = 0; i < n; i++)
        {
            _sign[i] = u[i] < 0.5 ? -1.0 : 1.0;
            _xopt[i] = u[i] - 0.5 < 0 ? -(0.5 * TwiceOptimum) : 0.5 * TwiceOptimum;
        }
    }

    public override double[] Xopt => _xopt;

    public override double Value(ReadOnlySpan<double> x, Span<double> work)
    {
        var n = x.Length;
        var xHat = work[..n];
        var z = work.Slice(n, n);
        for (var i = 0; i < n; i++)
        {
            xHat[i] = 2.0 * (_sign[i] * x[i]);
        }

        // z_hat: each coordinate leans on the previous one's distance to the optimum; then
        // z = 100 (Lambda^10 (z_hat - 2|xopt|) + 2|xopt|).
        z[0] = xHat[0];
        for (var i = 1; i < n; i++)
        {
            z[i] = xHat[i] + 0.25 * (xHat[i - 1] - 2.0 * Math.Abs(_xopt[i - 1]));
        }

        double penalty = 0.0, sum = 0.0;
        for (var i = 0; i < n; i++)
        {
            var twice = 2 * Math.Abs(_xopt[i]);
            var v = 100.0 * (Math.Pow(Math.Sqrt(10.0), Ratio(i, n)) * (z[i] - twice) - -twice);
            var excess = Math.Abs(v) - 500.0;
            if (excess > 0.0)
            {
                penalty += excess * excess;
            }

            sum += v * Math.Sin(Math.Sqrt(Math.Abs(v)));
        }

        return 0.01 * (penalty + 4.189828872724339 * 100.0 - sum / n) + Fopt;
    }
}

/// <summary>f23 Katsuura: a product of fractal sums, z = R Lambda^100 Q (x - xopt).</summary>
internal sealed class Katsuura(int n, long seed, double fopt)
    : RotatedFunction(n, seed, Sandwich(InstanceRandom.Rotation(n, seed + 1000000), Math.Sqrt(100.0), InstanceRandom.Rotation(n, seed), n), fopt)
{
    protected override double PenaltyFactor => 1.0;

    protected override double Raw(Span<double> z)
    {
        var n = z.Length;
        var product = 1.0;
        for (var i = 0; i < n; i++)
        {
            var sum = 0.0;
            for (var j = 1; j < 33; j++)
            {
                var p = Math.Pow(2.0, j);
                sum += Math.Abs(p * z[i] - Math.Floor(p * z[i] + 0.5)) / p;
            }

            product *= 1.0 + (i + 1.0) * sum;
        }

        return 10.0 / n / n * (-1.0 + Math.Pow(product, 10.0 / Math.Pow(n, 1.2)));
    }
}

/// <summary>f24 Lunacek bi-Rastrigin: two funnels (around mu0 and mu1) with Rastrigin ripples.</summary>
internal sealed class LunacekBiRastrigin : BbobFunction
{
    private const double Mu0 = 2.5;
    private readonly double[] _xopt;
    private readonly double[] _m;
    private readonly double[] _r;
    private readonly double _s;
    private readonly double _mu1;

    public LunacekBiRastrigin(int n, long seed, double fopt)
        : base(n, fopt)
    {
        _s = 1.0 - 0.5 / (Math.Sqrt(n + 20.0) - 4.1);
        _mu1 = -Math.Sqrt((Mu0 * Mu0 - 1.0) / _s);
        var g = InstanceRandom.Gaussian(n, seed);
        _xopt = new double[n];
        for (var i = 0; i < n; i++)
        {
            _xopt[i] = g[i] < 0.0 ? -(0.5 * Mu0) : 0.5 * Mu0;
        }

        _r = InstanceRandom.Rotation(n, seed + 1000000);
        var q = InstanceRandom.Rotation(n, seed);
        // Lambda^100 Q, kept as COCO applies it: row scale times matrix entry, per term.
        _m = new double[n * n];
        for (var i = 0; i < n; i++)
        {
            var c = Math.Pow(Math.Sqrt(100.0), (double)i / (n - 1));
            for (var j = 0; j < n; j++)
            {
                _m[i * n + j] = c * q[i * n + j];
            }
        }
    }

    public override double[] Xopt => _xopt;

    public override int WorkVectors => 3;

    public override double Value(ReadOnlySpan<double> x, Span<double> work)
    {
        var n = x.Length;
        var xHat = work[..n];
        var t = work.Slice(n, n);
        var z = work.Slice(2 * n, n);
        for (var i = 0; i < n; i++)
        {
            xHat[i] = _xopt[i] < 0.0 ? -(2.0 * x[i]) : 2.0 * x[i];
        }

        for (var i = 0; i < n; i++)
        {
            var sum = 0.0;
            for (var j = 0; j < n; j++)
            {
                sum += _m[i * n + j] * (xHat[j] - Mu0);
            }

            t[i] = sum;
        }

        Affine(_r, t, z);
        double sum1 = 0.0, sum2 = 0.0, sum3 = 0.0;
        for (var i = 0; i < n; i++)
        {
            var a = xHat[i] - Mu0;
            sum1 += a * a;
            var b = xHat[i] - _mu1;
            sum2 += b * b;
            sum3 += Math.Cos(2 * Math.PI * z[i]);
        }

        return Math.Min(sum1, 1.0 * n + _s * sum2) + 10.0 * (n - sum3) + 1e4 * Penalty(x) + Fopt;
    }
}
