using Workbench.Contracts.Problems;
using Workbench.Problems.Bbob.Gpu;
using static Workbench.Problems.Bbob.Transforms;

namespace Workbench.Problems.Bbob.Functions;

/// <summary>f1 sphere: the squared distance to xopt.</summary>
internal sealed class Sphere(int n, long seed, double fopt) : BbobFunction(n, fopt)
{
    private readonly double[] _xopt = InstanceRandom.Xopt(n, seed);

    public override double[] Xopt => _xopt;

    public override IProblem WithKernel(BbobProblem cpu) => new GpuBbobProblem<SphereGpu>(cpu, [Fopt, .. _xopt]);

    public override double Value(ReadOnlySpan<double> x, Span<double> work)
    {
        var sum = 0.0;
        for (var i = 0; i < x.Length; i++)
        {
            var z = x[i] - _xopt[i];
            sum += z * z;
        }

        return sum + Fopt;
    }
}

/// <summary>f2 separable ellipsoid (condition 10^6) of T_osz(x - xopt).</summary>
internal sealed class SeparableEllipsoid(int n, long seed, double fopt) : BbobFunction(n, fopt)
{
    private readonly double[] _xopt = InstanceRandom.Xopt(n, seed);

    public override double[] Xopt => _xopt;

    public override double Value(ReadOnlySpan<double> x, Span<double> work)
    {
        var z = work[..x.Length];
        Shift(x, _xopt, z);
        Oscillate(z);
        return Ellipsoid(z) + Fopt;
    }

    /// <summary>Sum of 10^(6 i/(n-1)) z_i^2, shared with f10.</summary>
    public static double Ellipsoid(ReadOnlySpan<double> z)
    {
        var n = z.Length;
        var sum = z[0] * z[0];
        for (var i = 1; i < n; i++)
        {
            sum += Math.Pow(1.0e6, 1.0 * i / (n - 1)) * z[i] * z[i];
        }

        return sum;
    }
}

/// <summary>f3 separable Rastrigin of Lambda^10 T_asy^0.2(T_osz(x - xopt)).</summary>
internal sealed class SeparableRastrigin(int n, long seed, double fopt) : BbobFunction(n, fopt)
{
    private readonly double[] _xopt = InstanceRandom.Xopt(n, seed);

    public override double[] Xopt => _xopt;

    public override double Value(ReadOnlySpan<double> x, Span<double> work)
    {
        var z = work[..x.Length];
        Shift(x, _xopt, z);
        Oscillate(z);
        Asymmetric(z, 0.2);
        Condition(z, 10.0);
        return Rastrigin(z) + Fopt;
    }

    /// <summary>10 (n - sum cos(2 pi z_i)) + |z|^2, shared with f15.</summary>
    public static double Rastrigin(ReadOnlySpan<double> z)
    {
        double cosines = 0.0, squares = 0.0;
        foreach (var v in z)
        {
            cosines += Math.Cos(2 * Math.PI * v);
            squares += v * v;
        }

        return 10.0 * (z.Length - cosines) + squares;
    }
}

/// <summary>f4 Büche-Rastrigin: Rastrigin with odd coordinates (COCO's even indices) stretched 10x when positive.</summary>
internal sealed class BuecheRastrigin : BbobFunction
{
    private readonly double[] _xopt;

    public BuecheRastrigin(int n, long seed, double fopt)
        : base(n, fopt)
    {
        _xopt = InstanceRandom.Xopt(n, seed);
        // COCO (after the legacy code, not the written definition) puts the optimum on the positive side of
        // every stretched coordinate.
        for (var i = 0; i < n; i += 2)
        {
            _xopt[i] = Math.Abs(_xopt[i]);
        }
    }

    public override double[] Xopt => _xopt;

    public override double Value(ReadOnlySpan<double> x, Span<double> work)
    {
        var n = x.Length;
        var z = work[..x.Length];
        Shift(x, _xopt, z);
        Oscillate(z);
        for (var i = 0; i < n; i++)
        {
            var factor = Math.Pow(Math.Sqrt(10.0), Ratio(i, n));
            if (z[i] > 0.0 && i % 2 == 0)
            {
                factor *= 10.0;
            }

            z[i] = factor * z[i];
        }

        return SeparableRastrigin.Rastrigin(z) + Fopt + 100.0 * Penalty(x);
    }
}

/// <summary>f5 linear slope: a plane rising away from a corner of the box, flat beyond it.</summary>
internal sealed class LinearSlope : BbobFunction
{
    private readonly double[] _xopt;
    private readonly double[] _slope;

    public LinearSlope(int n, long seed, double fopt)
        : base(n, fopt)
    {
        _xopt = InstanceRandom.Xopt(n, seed);
        _slope = new double[n];
        for (var i = 0; i < n; i++)
        {
            _xopt[i] = _xopt[i] < 0.0 ? -5.0 : 5.0;
            var s = Math.Pow(Math.Sqrt(100.0), (double)i / (n - 1));
            _slope[i] = _xopt[i] > 0.0 ? s : -s;
        }
    }

    public override double[] Xopt => _xopt;

    public override int WorkVectors => 0;

    public override IProblem WithKernel(BbobProblem cpu) => new GpuBbobProblem<LinearSlopeGpu>(cpu, [Fopt, .. _xopt, .. _slope]);

    public override double Value(ReadOnlySpan<double> x, Span<double> work)
    {
        var sum = 0.0;
        for (var i = 0; i < x.Length; i++)
        {
            var s = _slope[i];
            // Beyond the optimum's face the function stays at its optimal value.
            sum += x[i] * _xopt[i] < 25.0 ? 5.0 * Math.Abs(s) - s * x[i] : 5.0 * Math.Abs(s) - s * _xopt[i];
        }

        return sum + Fopt;
    }
}
