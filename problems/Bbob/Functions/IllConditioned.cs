using static Workbench.Problems.Bbob.Transforms;

namespace Workbench.Problems.Bbob.Functions;

/// <summary>What f10, f11, f13 and f14 share: z = M (x - xopt), then a raw function of z.</summary>
internal abstract class RotatedFunction : BbobFunction
{
    private readonly double[] _xopt;
    private readonly double[] _m;

    protected RotatedFunction(int n, long xoptSeed, double[] m, double fopt)
        : base(n, fopt)
    {
        _xopt = InstanceRandom.Xopt(n, xoptSeed);
        _m = m;
    }

    public sealed override double[] Xopt => _xopt;

    public sealed override double Value(ReadOnlySpan<double> x, Span<double> work)
    {
        var n = x.Length;
        var shifted = work[..n];
        var z = work.Slice(n, n);
        Shift(x, _xopt, shifted);
        Affine(_m, shifted, z);
        return Raw(z) + Fopt + PenaltyFactor * Penalty(x);
    }

    /// <summary>Weight of the boundary penalty (zero inside the domain); only f23 has one.</summary>
    protected virtual double PenaltyFactor => 0.0;

    /// <summary>The untransformed function; may modify <paramref name="z"/>.</summary>
    protected abstract double Raw(Span<double> z);
}

/// <summary>f10 rotated ellipsoid (condition 10^6) of T_osz(R (x - xopt)).</summary>
internal sealed class RotatedEllipsoid(int n, long seed, double fopt)
    : RotatedFunction(n, seed, InstanceRandom.Rotation(n, seed + 1000000), fopt)
{
    protected override double Raw(Span<double> z)
    {
        Oscillate(z);
        return SeparableEllipsoid.Ellipsoid(z);
    }
}

/// <summary>f11 discus: one direction 10^6 times more sensitive than the others.</summary>
internal sealed class Discus(int n, long seed, double fopt)
    : RotatedFunction(n, seed, InstanceRandom.Rotation(n, seed + 1000000), fopt)
{
    protected override double Raw(Span<double> z)
    {
        Oscillate(z);
        var sum = 1.0e6 * z[0] * z[0];
        for (var i = 1; i < z.Length; i++)
        {
            sum += z[i] * z[i];
        }

        return sum;
    }
}

/// <summary>f13 sharp ridge: the distance to a rotated ridge, unsquared.</summary>
internal sealed class SharpRidge(int n, long seed, double fopt)
    : RotatedFunction(n, seed, Sandwich(InstanceRandom.Rotation(n, seed + 1000000), Math.Sqrt(10.0), InstanceRandom.Rotation(n, seed), n), fopt)
{
    protected override double Raw(Span<double> z)
    {
        var sum = 0.0;
        for (var i = 1; i < z.Length; i++)
        {
            sum += z[i] * z[i];
        }

        return 100.0 * Math.Sqrt(sum) + z[0] * z[0];
    }
}

/// <summary>f14 different powers: sqrt(sum |z_i|^(2 + 4 i/(n-1))).</summary>
internal sealed class DifferentPowers(int n, long seed, double fopt)
    : RotatedFunction(n, seed, InstanceRandom.Rotation(n, seed + 1000000), fopt)
{
    protected override double Raw(Span<double> z)
    {
        var sum = 0.0;
        for (var i = 0; i < z.Length; i++)
        {
            sum += Math.Pow(Math.Abs(z[i]), 2.0 + 4.0 * i / (z.Length - 1.0));
        }

        return Math.Sqrt(sum);
    }
}

/// <summary>f12 bent cigar: z = R T_asy^0.5(R (x - xopt)); one direction cheap, the others 10^6 times dearer.</summary>
internal sealed class BentCigar : BbobFunction
{
    private readonly double[] _xopt;
    private readonly double[] _r;

    public BentCigar(int n, long seed, double fopt)
        : base(n, fopt)
    {
        // COCO draws both the optimum and the rotation from the second seed for this function.
        _xopt = InstanceRandom.Xopt(n, seed + 1000000);
        _r = InstanceRandom.Rotation(n, seed + 1000000);
    }

    public override double[] Xopt => _xopt;

    public override double Value(ReadOnlySpan<double> x, Span<double> work)
    {
        var n = x.Length;
        var a = work[..n];
        var b = work.Slice(n, n);
        Shift(x, _xopt, a);
        Affine(_r, a, b);
        Asymmetric(b, 0.5);
        Affine(_r, b, a);
        var sum = a[0] * a[0];
        for (var i = 1; i < n; i++)
        {
            sum += 1.0e6 * a[i] * a[i];
        }

        return sum + Fopt;
    }
}
