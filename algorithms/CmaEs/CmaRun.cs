using Workbench.Contracts.Randomness;

namespace Workbench.Algorithms.CmaEs;

/// <summary>The state of one CMA-ES run in genotype space (mean, step size, covariance and its
/// eigendecomposition, evolution paths) and the tutorial's update equations. Allocation-free after
/// construction.</summary>
internal sealed partial class CmaRun
{
    private readonly StrategyParameters _p;
    private readonly int _n;
    private readonly double[] _mean;
    private readonly double[] _pc;
    private readonly double[] _ps;
    private readonly double[] _c;
    private readonly double[] _b;
    private readonly double[] _d;
    private readonly double[] _eigenValues;
    private readonly double[] _tmp;
    private readonly double[] _ymean;
    private readonly double[] _coefficients;
    private readonly SymmetricEigen _eigen;
    private readonly double[] _scaling;
    private readonly double[]? _maxStd;
    private int _eigenIteration;

    public CmaRun(StrategyParameters p, ReadOnlySpan<double> mean, double sigma, double[]? maxStd = null)
    {
        _p = p;
        _n = p.N;
        var n = _n;
        _mean = mean.ToArray();
        _pc = new double[n];
        _ps = new double[n];
        _c = new double[n * n];
        _b = new double[n * n];
        _d = new double[n];
        _eigenValues = new double[n];
        _tmp = new double[n];
        _ymean = new double[n];
        _coefficients = new double[p.Lambda];
        _eigen = new SymmetricEigen(n);
        _savedMean = new double[n];
        _savedPc = new double[n];
        _savedPs = new double[n];
        _savedC = new double[n * n];
        _maxStd = maxStd;
        _scaling = new double[n];
        _savedScaling = new double[n];
        Array.Fill(_scaling, 1.0);
        for (var i = 0; i < n; i++)
        {
            _c[(i * n) + i] = 1;
            _b[(i * n) + i] = 1;
            _d[i] = 1;
        }

        Sigma = sigma;
    }

    public StrategyParameters Parameters => _p;

    public double Sigma { get; private set; }

    /// <summary>Completed updates (the tutorial's generation counter g).</summary>
    public int Iteration { get; private set; }

    public ReadOnlySpan<double> Mean => _mean;

    public ReadOnlySpan<double> Pc => _pc;

    /// <summary>Square roots of the eigenvalues of C as of the last decomposition.</summary>
    public ReadOnlySpan<double> D => _d;

    /// <summary>Eigenvectors of C (columns, row-major) as of the last decomposition.</summary>
    public ReadOnlySpan<double> B => _b;

    /// <summary>Per-coordinate factor of the sampling scale (pycma's sigma_vec): the standard deviation of
    /// coordinate i is σ · s_i · sqrt(C_ii).</summary>
    public ReadOnlySpan<double> Scaling => _scaling;

    /// <summary>σ · s_i · sqrt(C_ii), the standard deviation of coordinate i.</summary>
    public double CoordinateStd(int i) => Sigma * _scaling[i] * Math.Sqrt(_c[(i * _n) + i]);

    public double MaxD { get; private set; } = 1;

    public double MinD { get; private set; } = 1;

    /// <summary>Decomposes C when the lazy gap has passed; called before sampling.</summary>
    public void RefreshEigenIfDue()
    {
        if (Iteration - _eigenIteration < _p.EigenGap)
        {
            return;
        }

        _eigenIteration = Iteration;
        if (!_eigen.Decompose(_c, _b, _eigenValues))
        {
            return; // keep the last good basis; non-finite C is caught by the termination criteria
        }

        var max = _eigenValues[_n - 1];
        // A slightly negative eigenvalue is rounding noise; flooring it at 1e-20 of the largest keeps D
        // invertible while the condition number (> 1e14 by default) ends the run.
        var floor = Math.Max(max * 1e-20, double.Epsilon);
        for (var i = 0; i < _n; i++)
        {
            _d[i] = Math.Sqrt(Math.Max(_eigenValues[i], floor));
        }

        MinD = _d[0];
        MaxD = _d[_n - 1];
    }

    /// <summary>Draws y = B D z with z ~ N(0, I) and x = m + σ y.</summary>
    public void Sample(RandomStream rng, Span<double> y, Span<double> x)
    {
        var n = _n;
        for (var i = 0; i < n; i++)
        {
            _tmp[i] = _d[i] * rng.NextGaussian();
        }

        for (var i = 0; i < n; i++)
        {
            var row = _b.AsSpan(i * n, n);
            double s = 0;
            for (var j = 0; j < n; j++)
            {
                s += row[j] * _tmp[j];
            }

            y[i] = s;
            x[i] = _mean[i] + (Sigma * _scaling[i] * s);
        }
    }

    /// <summary>The step of a genotype from the current mean, y = (x - m) / σ.</summary>
    public void StepOf(ReadOnlySpan<double> x, Span<double> y)
    {
        for (var i = 0; i < _n; i++)
        {
            y[i] = (x[i] - _mean[i]) / (Sigma * _scaling[i]);
        }
    }

    /// <summary>‖C^(-1/2) y‖ with the current decomposition.</summary>
    public double MahalanobisNorm(ReadOnlySpan<double> y)
    {
        double sum = 0;
        for (var j = 0; j < _n; j++)
        {
            double s = 0;
            for (var i = 0; i < _n; i++)
            {
                s += _b[(i * _n) + j] * y[i];
            }

            s /= _d[j];
            sum += s * s;
        }

        return Math.Sqrt(sum);
    }
}
