namespace Workbench.Algorithms.CmaEs;

/// <summary>The update of mean, paths, covariance and step size (Hansen's tutorial, eqs. 41-47), and the
/// snapshot that lets a generation's update be redone after migrants were injected into it.</summary>
internal sealed partial class CmaRun
{
    private readonly double[] _savedMean;
    private readonly double[] _savedPc;
    private readonly double[] _savedPs;
    private readonly double[] _savedC;
    private readonly double[] _savedScaling;
    private double _savedSigma;
    private int _savedIteration;

    /// <summary>Applies one generation. <paramref name="steps"/> holds λ steps y_k (row-major);
    /// <paramref name="order"/> lists their indices best first.</summary>
    public void Update(ReadOnlySpan<double> steps, ReadOnlySpan<int> order)
    {
        Save();
        var n = _n;
        var p = _p;
        var w = p.Weights;
        Array.Clear(_ymean);
        for (var k = 0; k < p.Mu; k++)
        {
            var y = steps.Slice(order[k] * n, n);
            for (var i = 0; i < n; i++)
            {
                _ymean[i] += w[k] * y[i];
            }
        }

        for (var i = 0; i < n; i++)
        {
            _mean[i] += Sigma * _scaling[i] * _ymean[i];
        }

        // C^(-1/2) <y>_w = B D^-1 B^T <y>_w, with the decomposition the steps were sampled from.
        for (var j = 0; j < n; j++)
        {
            double s = 0;
            for (var i = 0; i < n; i++)
            {
                s += _b[(i * n) + j] * _ymean[i];
            }

            _tmp[j] = s / _d[j];
        }

        var csFactor = Math.Sqrt(p.Cs * (2 - p.Cs) * p.MuEff);
        double psSq = 0;
        for (var i = 0; i < n; i++)
        {
            var row = _b.AsSpan(i * n, n);
            double s = 0;
            for (var j = 0; j < n; j++)
            {
                s += row[j] * _tmp[j];
            }

            _ps[i] = ((1 - p.Cs) * _ps[i]) + (csFactor * s);
            psSq += _ps[i] * _ps[i];
        }

        Iteration++;
        var psNorm = Math.Sqrt(psSq);
        var hsig = psNorm / Math.Sqrt(1 - Math.Pow(1 - p.Cs, 2.0 * Iteration)) / p.ChiN < 1.4 + (2.0 / (n + 1));
        var ccFactor = hsig ? Math.Sqrt(p.Cc * (2 - p.Cc) * p.MuEff) : 0;
        for (var i = 0; i < n; i++)
        {
            _pc[i] = ((1 - p.Cc) * _pc[i]) + (ccFactor * _ymean[i]);
        }

        UpdateCovariance(steps, order, hsig ? 0 : p.Cc * (2 - p.Cc));

        // Capping the exponent at 1 (as pycma does) guards against one huge step-size jump.
        Sigma *= Math.Exp(Math.Min(1, p.Cs / p.Damps * ((psNorm / p.ChiN) - 1)));
        CapStandardDeviations();
    }

    /// <summary>pycma's maxstd under bounds: a coordinate whose standard deviation exceeds its cap has its
    /// scaling factor lowered to meet it, for good (σ, C and the paths are left alone).</summary>
    private void CapStandardDeviations()
    {
        if (_maxStd is null)
        {
            return;
        }

        for (var i = 0; i < _n; i++)
        {
            var std = CoordinateStd(i);
            if (std > _maxStd[i])
            {
                _scaling[i] *= _maxStd[i] / std;
            }
        }
    }

    private void UpdateCovariance(ReadOnlySpan<double> steps, ReadOnlySpan<int> order, double delta)
    {
        var n = _n;
        var p = _p;
        var w = p.Weights;
        var decay = 1 - p.C1 - (p.Cmu * p.WeightSum) + (p.C1 * delta);
        for (var k = 0; k < p.Lambda; k++)
        {
            // Negative weights act on steps rescaled to Mahalanobis length sqrt(n) (tutorial eq. 46), so a
            // long unlucky step cannot shrink C by much.
            var y = steps.Slice(order[k] * n, n);
            _coefficients[k] = w[k] >= 0 ? p.Cmu * w[k] : p.Cmu * w[k] * n / Math.Max(Square(MahalanobisNorm(y)), 1e-300);
        }

        for (var i = 0; i < n; i++)
        {
            var row = _c.AsSpan(i * n, n);
            for (var j = i; j < n; j++)
            {
                row[j] = (decay * row[j]) + (p.C1 * _pc[i] * _pc[j]);
            }

            for (var k = 0; k < p.Lambda; k++)
            {
                if (_coefficients[k] == 0)
                {
                    continue;
                }

                var y = steps.Slice(order[k] * n, n);
                var f = _coefficients[k] * y[i];
                for (var j = i; j < n; j++)
                {
                    row[j] += f * y[j];
                }
            }

            for (var j = i + 1; j < n; j++)
            {
                _c[(j * n) + i] = row[j];
            }
        }
    }

    private static double Square(double x) => x * x;

    private void Save()
    {
        _mean.CopyTo(_savedMean, 0);
        _pc.CopyTo(_savedPc, 0);
        _ps.CopyTo(_savedPs, 0);
        _c.CopyTo(_savedC, 0);
        _scaling.CopyTo(_savedScaling, 0);
        _savedSigma = Sigma;
        _savedIteration = Iteration;
    }

    /// <summary>Returns to the state before the last <see cref="Update"/> (the eigenbasis is not touched by
    /// an update, so it needs no snapshot).</summary>
    public void Undo()
    {
        _savedMean.CopyTo(_mean, 0);
        _savedPc.CopyTo(_pc, 0);
        _savedPs.CopyTo(_ps, 0);
        _savedC.CopyTo(_c, 0);
        _savedScaling.CopyTo(_scaling, 0);
        Sigma = _savedSigma;
        Iteration = _savedIteration;
    }
}
