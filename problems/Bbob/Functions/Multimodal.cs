using static Workbench.Problems.Bbob.Transforms;

namespace Workbench.Problems.Bbob.Functions;

/// <summary>What f15-f18 share: y = R (x - xopt), a nonlinear map of y, then z = M y and a raw function.</summary>
internal abstract class DoublyRotatedFunction : BbobFunction
{
    private readonly double[] _xopt;

    protected DoublyRotatedFunction(int n, long seed, double fopt)
        : base(n, fopt)
    {
        _xopt = InstanceRandom.Xopt(n, seed);
        R = InstanceRandom.Rotation(n, seed + 1000000);
        Q = InstanceRandom.Rotation(n, seed);
    }

    public sealed override double[] Xopt => _xopt;

    protected double[] R { get; }

    protected double[] Q { get; }

    /// <summary>The second linear map, M, row-major; set by the derived constructor from R and Q.</summary>
    protected double[] M { get; init; } = [];

    public sealed override double Value(ReadOnlySpan<double> x, Span<double> work)
    {
        var n = x.Length;
        var y = work[..n];
        var z = work.Slice(n, n);
        Shift(x, _xopt, z);
        Affine(R, z, y);
        Distort(y);
        Affine(M, y, z);
        return Raw(z, x) + Fopt;
    }

    /// <summary>The nonlinear map between the two linear ones, in place.</summary>
    protected abstract void Distort(Span<double> y);

    /// <summary>The function of z (and of x for the boundary penalty).</summary>
    protected abstract double Raw(ReadOnlySpan<double> z, ReadOnlySpan<double> x);
}

/// <summary>f15 rotated Rastrigin: z = R Lambda^10 Q T_asy^0.2(T_osz(R (x - xopt))).</summary>
internal sealed class RotatedRastrigin : DoublyRotatedFunction
{
    public RotatedRastrigin(int n, long seed, double fopt)
        : base(n, seed, fopt) => M = Sandwich(R, Math.Sqrt(10.0), Q, n);

    protected override void Distort(Span<double> y)
    {
        Oscillate(y);
        Asymmetric(y, 0.2);
    }

    protected override double Raw(ReadOnlySpan<double> z, ReadOnlySpan<double> x) => SeparableRastrigin.Rastrigin(z);
}

/// <summary>f16 Weierstrass: z = R Lambda^(1/100) Q T_osz(R (x - xopt)); rugged and repetitive.</summary>
internal sealed class Weierstrass : DoublyRotatedFunction
{
    private const int Terms = 12;
    private readonly double[] _a = new double[Terms];
    private readonly double[] _b = new double[Terms];
    private readonly double _f0;

    public Weierstrass(int n, long seed, double fopt)
        : base(n, seed, fopt)
    {
        M = Sandwich(R, 1.0 / Math.Sqrt(100.0), Q, n);
        for (var k = 0; k < Terms; k++)
        {
            _a[k] = Math.Pow(0.5, k);
            _b[k] = Math.Pow(3.0, k);
            _f0 += _a[k] * Math.Cos(2 * Math.PI * _b[k] * 0.5);
        }
    }

    protected override void Distort(Span<double> y) => Oscillate(y);

    protected override double Raw(ReadOnlySpan<double> z, ReadOnlySpan<double> x)
    {
        var sum = 0.0;
        foreach (var v in z)
        {
            for (var k = 0; k < Terms; k++)
            {
                sum += Math.Cos(2 * Math.PI * (v + 0.5) * _b[k]) * _a[k];
            }
        }

        return 10.0 * Math.Pow(sum / z.Length - _f0, 3.0) + 10.0 / z.Length * Penalty(x);
    }
}

/// <summary>f17 (condition 10) and f18 (condition 1000) Schaffers F7: z = Lambda^c T_asy^0.5(R (x - xopt)).</summary>
internal sealed class Schaffers : DoublyRotatedFunction
{
    public Schaffers(int n, long seed, double fopt, double condition)
        : base(n, seed, fopt)
    {
        // Lambda^c Q: the diagonal scales the rows of Q.
        var m = new double[n * n];
        for (var i = 0; i < n; i++)
        {
            for (var j = 0; j < n; j++)
            {
                m[i * n + j] = Q[i * n + j] * Math.Pow(Math.Sqrt(condition), Ratio(i, n));
            }
        }

        M = m;
    }

    protected override void Distort(Span<double> y) => Asymmetric(y, 0.5);

    protected override double Raw(ReadOnlySpan<double> z, ReadOnlySpan<double> x)
    {
        var sum = 0.0;
        for (var i = 0; i < z.Length - 1; i++)
        {
            var s = z[i] * z[i] + z[i + 1] * z[i + 1];
            sum += Math.Pow(s, 0.25) * (1.0 + Math.Pow(Math.Sin(50.0 * Math.Pow(s, 0.1)), 2.0));
        }

        return Math.Pow(sum / (z.Length - 1.0), 2.0) + 10.0 * Penalty(x);
    }
}

/// <summary>f19 composite Griewank-Rosenbrock F8F2 on z = scale R x + 1/2.</summary>
internal sealed class GriewankRosenbrock : BbobFunction
{
    private readonly double[] _m;
    private readonly double[] _xopt;

    public GriewankRosenbrock(int n, long seed, double fopt)
        : base(n, fopt)
    {
        var scale = Math.Max(1.0, Math.Sqrt(n) / 8.0);
        var r = InstanceRandom.Rotation(n, seed);
        _m = new double[n * n];
        for (var i = 0; i < _m.Length; i++)
        {
            _m[i] = scale * r[i];
        }

        // z = 1 at x = R^T (1/2) / scale, as for f9.
        _xopt = new double[n];
        for (var j = 0; j < n; j++)
        {
            var sum = 0.0;
            for (var i = 0; i < n; i++)
            {
                sum += r[i * n + j] * 0.5;
            }

            _xopt[j] = sum / scale;
        }
    }

    public override double[] Xopt => _xopt;

    public override double Value(ReadOnlySpan<double> x, Span<double> work)
    {
        var n = x.Length;
        var z = work[..n];
        Affine(_m, x, z);
        var sum = 0.0;
        for (var i = 0; i < n - 1; i++)
        {
            // COCO adds the 1/2 as a separate shift after the rotation, not inside the matrix product.
            var zi = z[i] - -0.5;
            var next = z[i + 1] - -0.5;
            var c1 = zi * zi - next;
            var c2 = 1.0 - zi;
            var s = 100.0 * c1 * c1 + c2 * c2;
            sum += s / 4000.0 - Math.Cos(s);
        }

        return 10.0 + 10.0 * sum / (n - 1) + Fopt;
    }
}
