using Workbench.Contracts.Problems;
using Workbench.Problems.Bbob.Gpu;
using static Workbench.Problems.Bbob.Transforms;

namespace Workbench.Problems.Bbob.Functions;

/// <summary>f6 attractive sector: one orthant 100x steeper than the others, behind a rotated conditioning.</summary>
internal sealed class AttractiveSector : BbobFunction
{
    private readonly double[] _xopt;
    private readonly double[] _m;

    public AttractiveSector(int n, long seed, double fopt)
        : base(n, fopt)
    {
        _xopt = InstanceRandom.Xopt(n, seed);
        _m = Sandwich(InstanceRandom.Rotation(n, seed + 1000000), Math.Sqrt(10.0), InstanceRandom.Rotation(n, seed), n);
    }

    public override double[] Xopt => _xopt;

    public override double Value(ReadOnlySpan<double> x, Span<double> work)
    {
        var n = x.Length;
        var shifted = work[..n];
        var z = work.Slice(n, n);
        Shift(x, _xopt, shifted);
        Affine(_m, shifted, z);
        var sum = 0.0;
        for (var i = 0; i < n; i++)
        {
            // COCO tests the sign against xopt itself, not against the rotated optimum (which is 0).
            sum += _xopt[i] * z[i] > 0.0 ? 100.0 * 100.0 * z[i] * z[i] : z[i] * z[i];
        }

        return Math.Pow(Oscillate(sum), 0.9) + Fopt;
    }
}

/// <summary>f7 step ellipsoid: a rotated ellipsoid of rounded coordinates (plateaus), with a slight slope.</summary>
internal sealed class StepEllipsoid : BbobFunction
{
    private readonly double[] _xopt;
    private readonly double[] _r;
    private readonly double[] _q;

    public StepEllipsoid(int n, long seed, double fopt)
        : base(n, fopt)
    {
        _xopt = InstanceRandom.Xopt(n, seed);
        _r = InstanceRandom.Rotation(n, seed + 1000000);
        _q = InstanceRandom.Rotation(n, seed);
    }

    public override double[] Xopt => _xopt;

    public override double Value(ReadOnlySpan<double> x, Span<double> work)
    {
        var n = x.Length;
        var zHat = work[..n];
        var z = work.Slice(n, n);
        for (var i = 0; i < n; i++)
        {
            var c = Math.Sqrt(Math.Pow(100.0 / 10.0, (double)i / (n - 1)));
            var sum = 0.0;
            for (var j = 0; j < n; j++)
            {
                sum += c * _q[i * n + j] * (x[j] - _xopt[j]);
            }

            zHat[i] = sum;
        }

        // The unrounded first coordinate keeps a small slope on the plateaus.
        var first = zHat[0];
        for (var i = 0; i < n; i++)
        {
            zHat[i] = Math.Abs(zHat[i]) > 0.5 ? Math.Floor(zHat[i] + 0.5) : Math.Floor(10.0 * zHat[i] + 0.5) / 10.0;
        }

        Affine(_r, zHat, z);
        var result = 0.0;
        for (var i = 0; i < n; i++)
        {
            result += Math.Pow(100.0, Ratio(i, n)) * z[i] * z[i];
        }

        return 0.1 * Math.Max(Math.Abs(first) * 1.0e-4, result) + Penalty(x) + Fopt;
    }
}

/// <summary>f8 Rosenbrock, shifted so that its minimum sits at 0.75 xopt and scaled for large n.</summary>
internal sealed class ShiftedRosenbrock : BbobFunction
{
    private readonly double[] _xopt;
    private readonly double _scale;

    public ShiftedRosenbrock(int n, long seed, double fopt)
        : base(n, fopt)
    {
        _xopt = InstanceRandom.Xopt(n, seed);
        for (var i = 0; i < n; i++)
        {
            _xopt[i] *= 0.75;
        }

        _scale = Math.Max(1.0, Math.Sqrt(n) / 8.0);
    }

    public override double[] Xopt => _xopt;

    public override IProblem WithKernel(BbobProblem cpu) => new GpuBbobProblem<RosenbrockGpu>(cpu, [Fopt, _scale, .. _xopt]);

    public override double Value(ReadOnlySpan<double> x, Span<double> work)
    {
        var z = work[..x.Length];
        for (var i = 0; i < x.Length; i++)
        {
            z[i] = _scale * (x[i] - _xopt[i]) - -1.0;
        }

        return Rosenbrock(z) + Fopt;
    }

    /// <summary>100 sum (z_i^2 - z_{i+1})^2 + sum (z_i - 1)^2, shared with f9.</summary>
    public static double Rosenbrock(ReadOnlySpan<double> z)
    {
        double s1 = 0.0, s2 = 0.0;
        for (var i = 0; i < z.Length - 1; i++)
        {
            var a = z[i] * z[i] - z[i + 1];
            s1 += a * a;
            var b = z[i] - 1.0;
            s2 += b * b;
        }

        return 100.0 * s1 + s2;
    }
}

/// <summary>f9 rotated Rosenbrock: z = scale R x + 1/2.</summary>
internal sealed class RotatedRosenbrock : BbobFunction
{
    private readonly double[] _m;
    private readonly double[] _xopt;

    public RotatedRosenbrock(int n, long seed, double fopt)
        : base(n, fopt)
    {
        var scale = Math.Max(1.0, Math.Sqrt(n) / 8.0);
        var r = InstanceRandom.Rotation(n, seed);
        _m = new double[n * n];
        for (var i = 0; i < _m.Length; i++)
        {
            _m[i] = scale * r[i];
        }

        // The minimum is at z = 1, i.e. x = R^T (1/2) / scale (R is orthogonal).
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
        var z = work[..x.Length];
        Affine(_m, x, z, 0.5);
        return ShiftedRosenbrock.Rosenbrock(z) + Fopt;
    }
}
