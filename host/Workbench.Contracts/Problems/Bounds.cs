namespace Workbench.Contracts.Problems;

/// <summary>Per-coordinate box constraints. Immutable: the arrays are copied on construction.</summary>
public sealed class Bounds
{
    private readonly double[] _lower;
    private readonly double[] _upper;

    public Bounds(ReadOnlySpan<double> lower, ReadOnlySpan<double> upper)
    {
        if (lower.Length != upper.Length)
        {
            throw new ArgumentException($"Lower bounds have {lower.Length} coordinates but upper bounds have {upper.Length}.");
        }

        if (lower.Length == 0)
        {
            throw new ArgumentException("Bounds need at least one coordinate.");
        }

        for (var i = 0; i < lower.Length; i++)
        {
            if (!double.IsFinite(lower[i]) || !double.IsFinite(upper[i]) || !(lower[i] < upper[i]))
            {
                throw new ArgumentException(
                    $"Coordinate {i}: bounds [{lower[i]}, {upper[i]}] must be finite with lower < upper.");
            }
        }

        _lower = lower.ToArray();
        _upper = upper.ToArray();
    }

    /// <summary>The same interval for every coordinate.</summary>
    public static Bounds Uniform(int dimension, double lower, double upper)
    {
        if (dimension < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(dimension), dimension, "Dimension must be at least 1.");
        }

        var lo = new double[dimension];
        var hi = new double[dimension];
        Array.Fill(lo, lower);
        Array.Fill(hi, upper);
        return new Bounds(lo, hi);
    }

    public int Dimension => _lower.Length;

    public ReadOnlySpan<double> Lower => _lower;

    public ReadOnlySpan<double> Upper => _upper;

    public double Width(int coordinate) => _upper[coordinate] - _lower[coordinate];

    public bool Contains(ReadOnlySpan<double> point)
    {
        for (var i = 0; i < _lower.Length; i++)
        {
            if (!(point[i] >= _lower[i] && point[i] <= _upper[i]))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>True when every coordinate shares one interval (so it can be written as LO:HI).</summary>
    public bool IsUniform
    {
        get
        {
            for (var i = 1; i < _lower.Length; i++)
            {
                if (_lower[i] != _lower[0] || _upper[i] != _upper[0])
                {
                    return false;
                }
            }

            return true;
        }
    }
}
