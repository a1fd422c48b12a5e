using Workbench.Contracts.Randomness;

namespace Workbench.Algorithms.Ga;

/// <summary>The variation operators. Children always end inside the bounds.</summary>
internal sealed class Variation
{
    // Deb's SBX skips genes whose parents (almost) coincide: the spread factor would divide by ~0.
    private const double SameGene = 1e-14;

    private readonly RandomStream _rng;
    private readonly double[] _lower;
    private readonly double[] _upper;
    private readonly GaCrossover _crossover;
    private readonly GaMutation _mutation;
    private readonly double _crossoverRate;
    private readonly double _mutationRate;
    private readonly double _etaC;
    private readonly double _etaM;
    private readonly double _alpha;
    private readonly double _sigma;
    private readonly double _sbxExponent;
    private readonly double _noTruncation;
    private readonly double _logNoMutation;
    private int _genesToNextMutation = -1; // -1: the first gap is not drawn yet
    private ulong _bits;
    private int _bitsLeft;

    public Variation(RandomStream rng, ReadOnlySpan<double> lower, ReadOnlySpan<double> upper, GaOptions options)
    {
        _rng = rng;
        _lower = lower.ToArray();
        _upper = upper.ToArray();
        _crossover = options.Crossover;
        _mutation = options.Mutation;
        _crossoverRate = options.CrossoverRate;
        _mutationRate = options.ResolvedMutationRate(lower.Length);
        _etaC = options.EtaC;
        _etaM = options.EtaM;
        _alpha = options.BlxAlpha;
        _sigma = options.MutationSigma;
        _sbxExponent = 1.0 / (_etaC + 1.0);
        _logNoMutation = Math.Log(1.0 - _mutationRate);

        // beta^-(eta_c + 1) <= 2^-54 for beta >= 2^(54 / (eta_c + 1)).
        _noTruncation = Math.Pow(2.0, 54.0 / (_etaC + 1.0));
    }

    /// <summary>Writes two children of the parents (copies when the pair is not crossed).</summary>
    public void Cross(ReadOnlySpan<double> p1, ReadOnlySpan<double> p2, Span<double> c1, Span<double> c2)
    {
        p1.CopyTo(c1);
        p2.CopyTo(c2);
        if (_rng.NextDouble() >= _crossoverRate)
        {
            return;
        }

        if (_crossover == GaCrossover.Sbx)
        {
            Sbx(c1, c2);
        }
        else
        {
            Blx(c1, c2);
        }
    }

    /// <summary>Mutates each gene independently with probability mutation-rate. Rather than one uniform draw per
    /// gene, the gaps between mutated genes are drawn from their geometric distribution (the same Bernoulli
    /// process, one logarithm per mutation instead of one draw per gene); the gap runs on across children.</summary>
    public void Mutate(Span<double> child)
    {
        var j = _genesToNextMutation < 0 ? NextGap() : _genesToNextMutation;
        for (; j < child.Length; j += 1 + NextGap())
        {
            child[j] = _mutation == GaMutation.Polynomial ? Polynomial(child[j], j) : Gaussian(child[j], j);
        }

        _genesToNextMutation = j - child.Length;
    }

    /// <summary>Genes passed over before the next mutation: Geometric(mutation-rate) on {0, 1, ...}.</summary>
    private int NextGap()
    {
        if (_mutationRate >= 1.0)
        {
            return 0;
        }

        if (_mutationRate <= 0.0)
        {
            return int.MaxValue / 2;
        }

        var gap = Math.Floor(Math.Log(1.0 - _rng.NextDouble()) / _logNoMutation);
        return gap < int.MaxValue / 2 ? (int)gap : int.MaxValue / 2;
    }

    /// <summary>One fair coin flip; 64 flips per generator draw, since SBX needs two per gene.</summary>
    private bool Coin()
    {
        if (_bitsLeft == 0)
        {
            _bits = _rng.NextUInt64();
            _bitsLeft = 64;
        }

        var bit = (_bits & 1UL) != 0;
        _bits >>= 1;
        _bitsLeft--;
        return bit;
    }

    /// <summary>Bounded SBX: each gene is crossed with probability 1/2, with a spread distribution truncated so
    /// that children stay inside the bounds, and the two children swap sides with probability 1/2.</summary>
    private void Sbx(Span<double> c1, Span<double> c2)
    {
        for (var j = 0; j < c1.Length; j++)
        {
            if (!Coin() || Math.Abs(c1[j] - c2[j]) <= SameGene)
            {
                continue;
            }

            var y1 = Math.Min(c1[j], c2[j]);
            var y2 = Math.Max(c1[j], c2[j]);
            var lo = _lower[j];
            var hi = _upper[j];
            var span = y2 - y1;
            var u = _rng.NextDouble();
            var alphaLow = Alpha(1.0 + (2.0 * (y1 - lo) / span));
            var alphaHigh = Alpha(1.0 + (2.0 * (hi - y2) / span));
            var betaLow = SpreadFactor(alphaLow, u);

            // Far from both bounds (the usual case once the population has converged) both truncations vanish
            // and the two spread factors are equal: one Pow instead of two.
            var betaHigh = alphaHigh == alphaLow ? betaLow : SpreadFactor(alphaHigh, u);
            var low = Math.Clamp(0.5 * (y1 + y2 - (betaLow * span)), lo, hi);
            var high = Math.Clamp(0.5 * (y1 + y2 + (betaHigh * span)), lo, hi);
            if (Coin())
            {
                (low, high) = (high, low);
            }

            c1[j] = low;
            c2[j] = high;
        }
    }

    /// <summary>Deb's alpha = 2 - beta^-(eta_c + 1). Above <see cref="_noTruncation"/> the power is below half an ulp
    /// of 2, so the result is exactly 2 and the Pow can be skipped without changing a bit.</summary>
    private double Alpha(double beta) => beta >= _noTruncation ? 2.0 : 2.0 - Math.Pow(beta, -(_etaC + 1.0));

    /// <summary>Deb's beta_q for the spread factor truncated by <paramref name="alpha"/>.</summary>
    private double SpreadFactor(double alpha, double u) =>
        u <= 1.0 / alpha
            ? Math.Pow(u * alpha, _sbxExponent)
            : Math.Pow(1.0 / (2.0 - (u * alpha)), _sbxExponent);

    private void Blx(Span<double> c1, Span<double> c2)
    {
        for (var j = 0; j < c1.Length; j++)
        {
            var min = Math.Min(c1[j], c2[j]);
            var reach = (Math.Max(c1[j], c2[j]) - min) * (1.0 + (2.0 * _alpha));
            var start = min - (_alpha * (reach / (1.0 + (2.0 * _alpha))));
            c1[j] = Math.Clamp(start + (reach * _rng.NextDouble()), _lower[j], _upper[j]);
            c2[j] = Math.Clamp(start + (reach * _rng.NextDouble()), _lower[j], _upper[j]);
        }
    }

    /// <summary>Deb's bounded polynomial mutation: the step distribution shrinks on the side of the nearer bound.</summary>
    private double Polynomial(double y, int j)
    {
        var lo = _lower[j];
        var width = _upper[j] - lo;
        var power = 1.0 / (_etaM + 1.0);
        var u = _rng.NextDouble();
        double deltaQ;
        if (u < 0.5)
        {
            var xy = 1.0 - ((y - lo) / width);
            var val = (2.0 * u) + ((1.0 - (2.0 * u)) * Math.Pow(xy, _etaM + 1.0));
            deltaQ = Math.Pow(val, power) - 1.0;
        }
        else
        {
            var xy = 1.0 - ((_upper[j] - y) / width);
            var val = (2.0 * (1.0 - u)) + (2.0 * (u - 0.5) * Math.Pow(xy, _etaM + 1.0));
            deltaQ = 1.0 - Math.Pow(val, power);
        }

        return Math.Clamp(y + (deltaQ * width), lo, _upper[j]);
    }

    private double Gaussian(double y, int j) =>
        Math.Clamp(y + (_sigma * (_upper[j] - _lower[j]) * _rng.NextGaussian()), _lower[j], _upper[j]);
}
