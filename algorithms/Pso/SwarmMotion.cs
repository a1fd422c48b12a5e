using Workbench.Contracts.Randomness;

namespace Workbench.Algorithms.Pso;

/// <summary>The velocity and position rules. Synchronous: every particle moves using the bests as they were
/// after the last Tell, so the batch does not depend on evaluation order.</summary>
internal sealed class SwarmMotion
{
    private readonly SwarmState _s;
    private readonly RandomStream _rng;
    private readonly PsoVariant _variant;
    private readonly PsoBoundary _boundary;
    private readonly double _chi;
    private readonly double _c1;
    private readonly double _c2;
    private readonly double[] _toCentre;
    private readonly double[] _direction;

    public SwarmMotion(SwarmState state, RandomStream rng, PsoOptions options)
    {
        _s = state;
        _rng = rng;
        _variant = options.Variant;
        _boundary = options.Boundary;
        _chi = options.ResolvedChi;
        _c1 = options.ResolvedC1;
        _c2 = options.ResolvedC2;
        _toCentre = new double[state.Dimension];
        _direction = new double[state.Dimension];
    }

    /// <summary>Uniform positions; velocities as in SPSO-2007 ((U(lo, hi) - x) / 2) or SPSO-2011 (U(lo - x, hi - x)),
    /// both of which keep the first step inside the box before clamping.</summary>
    public void Initialise()
    {
        var halve = _variant == PsoVariant.Constriction;
        for (var i = 0; i < _s.Size; i++)
        {
            var x = _s.Position(i);
            var v = _s.Velocity(i);
            for (var j = 0; j < _s.Dimension; j++)
            {
                x[j] = _rng.NextDouble(_s.Lower[j], _s.Upper[j]);
            }

            for (var j = 0; j < _s.Dimension; j++)
            {
                var target = _rng.NextDouble(_s.Lower[j], _s.Upper[j]) - x[j];
                v[j] = Math.Clamp(halve ? 0.5 * target : target, -_s.Vmax[j], _s.Vmax[j]);
            }

            x.CopyTo(_s.Best(i));
        }
    }

    public void MoveAll()
    {
        for (var i = 0; i < _s.Size; i++)
        {
            if (_variant == PsoVariant.Constriction)
            {
                StepConstriction(i);
            }
            else
            {
                StepSpso2011(i);
            }

            Fly(i);
        }
    }

    private void StepConstriction(int i)
    {
        var x = _s.Position(i);
        var v = _s.Velocity(i);
        var p = _s.Best(i);
        var l = _s.Best(_s.Informer[i]);
        for (var j = 0; j < x.Length; j++)
        {
            var r1 = _rng.NextDouble();
            var r2 = _rng.NextDouble();
            v[j] = _chi * (v[j] + (_c1 * r1 * (p[j] - x[j])) + (_c2 * r2 * (l[j] - x[j])));
        }
    }

    /// <summary>v = w v + (x' - x), x' random in the sphere centred on the centre of gravity G of x, p and l
    /// (of x and p when the particle informs itself) with radius |G - x|.</summary>
    private void StepSpso2011(int i)
    {
        var x = _s.Position(i);
        var v = _s.Velocity(i);
        var p = _s.Best(i);
        var l = _s.Best(_s.Informer[i]);
        var self = _s.Informer[i] == i;
        var radiusSq = 0.0;
        for (var j = 0; j < x.Length; j++)
        {
            var toCentre = self ? 0.5 * _c1 * (p[j] - x[j]) : ((_c1 * (p[j] - x[j])) + (_c2 * (l[j] - x[j]))) / 3.0;
            _toCentre[j] = toCentre;
            radiusSq += toCentre * toCentre;
        }

        // As in Clerc's reference code: Gaussian direction, radius U(0, 1) x |G - x|. That is denser near G than
        // a volume-uniform draw (U^(1/d)); the uniform draw keeps particles so far out in 10-D that the swarm
        // stops contracting (tested: sphere 10-D stalled at 1e-2).
        var normSq = 0.0;
        for (var j = 0; j < x.Length; j++)
        {
            var g = _rng.NextGaussian();
            _direction[j] = g;
            normSq += g * g;
        }

        var scale = normSq > 0 ? Math.Sqrt(radiusSq) * _rng.NextDouble() / Math.Sqrt(normSq) : 0.0;
        for (var j = 0; j < x.Length; j++)
        {
            v[j] = (_chi * v[j]) + _toCentre[j] + (scale * _direction[j]);
        }
    }

    /// <summary>Clamps the velocity to ±vmax, moves, and confines the particle to the box.</summary>
    private void Fly(int i)
    {
        var x = _s.Position(i);
        var v = _s.Velocity(i);
        for (var j = 0; j < x.Length; j++)
        {
            var vj = Math.Clamp(v[j], -_s.Vmax[j], _s.Vmax[j]);
            var xj = x[j] + vj;
            if (xj < _s.Lower[j] || xj > _s.Upper[j])
            {
                xj = Math.Clamp(xj, _s.Lower[j], _s.Upper[j]);
                vj = _boundary == PsoBoundary.Absorb ? 0.0 : -0.5 * vj;
            }

            x[j] = xj;
            v[j] = vj;
        }
    }
}
