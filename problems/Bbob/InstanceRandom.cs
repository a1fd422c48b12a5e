namespace Workbench.Problems.Bbob;

/// <summary>COCO's legacy (2009) pseudo-random generators, from which every instance is derived.</summary>
/// <remarks>Reproduced operation for operation: an instance is only the same instance when every draw, and
/// every rounding of the derived quantities, is bit-identical to COCO's.</remarks>
internal static class InstanceRandom
{
    private const long Modulus = 2147483647;

    /// <summary>n uniform numbers in (0, 1]: a Park-Miller generator shuffled through a 32-entry table.</summary>
    public static double[] Uniform(int n, long seed)
    {
        var result = new double[n];
        var state = Math.Max(1, Math.Abs(seed));
        var table = new long[32];
        for (var i = 39; i >= 0; i--)
        {
            state = Next(state);
            if (i < 32)
            {
                table[i] = state;
            }
        }

        var current = table[0];
        for (var i = 0; i < n; i++)
        {
            state = Next(state);
            var slot = (int)Math.Floor(current / 67108865.0);
            current = table[slot];
            table[slot] = state;
            result[i] = current / 2.147483647e9;
            if (result[i] == 0.0)
            {
                // COCO never returns an exact zero, which would break the logarithm of the Gaussian draws.
                result[i] = 1e-99;
            }
        }

        return result;
    }

    /// <summary>n standard normal numbers by Box-Muller from 2n uniform ones (first half radii, second angles).</summary>
    public static double[] Gaussian(int n, long seed)
    {
        var u = Uniform(2 * n, seed);
        var g = new double[n];
        for (var i = 0; i < n; i++)
        {
            g[i] = Math.Sqrt(-2 * Math.Log(u[i])) * Math.Cos(2 * Math.PI * u[n + i]);
            if (g[i] == 0.0)
            {
                g[i] = 1e-99;
            }
        }

        return g;
    }

    /// <summary>A random orthogonal matrix (row-major): Gaussian columns made orthonormal by Gram-Schmidt.</summary>
    public static double[] Rotation(int n, long seed)
    {
        var g = Gaussian(n * n, seed);
        var b = new double[n * n];
        for (var i = 0; i < n; i++)
        {
            for (var j = 0; j < n; j++)
            {
                b[i * n + j] = g[j * n + i];
            }
        }

        for (var i = 0; i < n; i++)
        {
            for (var j = 0; j < i; j++)
            {
                var dot = 0.0;
                for (var k = 0; k < n; k++)
                {
                    dot += b[k * n + i] * b[k * n + j];
                }

                for (var k = 0; k < n; k++)
                {
                    b[k * n + i] -= dot * b[k * n + j];
                }
            }

            var norm2 = 0.0;
            for (var k = 0; k < n; k++)
            {
                norm2 += b[k * n + i] * b[k * n + i];
            }

            for (var k = 0; k < n; k++)
            {
                b[k * n + i] /= Math.Sqrt(norm2);
            }
        }

        return b;
    }

    /// <summary>The usual optimum: uniform in [-4, 4) on a 1e-4 grid, never exactly 0.</summary>
    public static double[] Xopt(int n, long seed)
    {
        var x = Uniform(n, seed);
        for (var i = 0; i < n; i++)
        {
            x[i] = 8 * Math.Floor(1e4 * x[i]) / 1e4 - 4;
            if (x[i] == 0.0)
            {
                x[i] = -1e-5;
            }
        }

        return x;
    }

    /// <summary>The optimal value: a ratio of two Gaussians, rounded to 0.01 and clamped to [-1000, 1000].</summary>
    public static double Fopt(long functionSeed, int instance)
    {
        var seed = functionSeed + 10000L * instance;
        // Same order of operations as COCO (10^4 g1 / g2, not 10^4 (g1 / g2)): the rounding must agree.
        var scaled = 100.0 * 100.0 * Gaussian(1, seed)[0] / Gaussian(1, seed + 1)[0];
        return Math.Min(1000.0, Math.Max(-1000.0, Math.Floor(scaled + 0.5) / 100.0));
    }

    private static long Next(long state)
    {
        var q = (long)Math.Floor(state / 127773.0);
        state = 16807 * (state - q * 127773) - 2836 * q;
        return state < 0 ? state + Modulus : state;
    }
}
