using Workbench.Contracts.Randomness;
using Xunit;

namespace Workbench.Algorithms.CmaEs.Tests;

public sealed class SymmetricEigenTests
{
    [Fact]
    public void Decomposes_a_known_tridiagonal_matrix()
    {
        double[] a = [2, 1, 0, 1, 2, 1, 0, 1, 2];
        var vectors = new double[9];
        var values = new double[3];
        Assert.True(new SymmetricEigen(3).Decompose(a, vectors, values));
        Assert.Equal(2 - Math.Sqrt(2), values[0], 12);
        Assert.Equal(2, values[1], 12);
        Assert.Equal(2 + Math.Sqrt(2), values[2], 12);
        // The eigenvector of 2 + sqrt 2 is (1, sqrt 2, 1) / 2 up to sign.
        var sign = Math.Sign(vectors[2]);
        Assert.Equal(0.5, sign * vectors[2], 12);
        Assert.Equal(Math.Sqrt(0.5), sign * vectors[5], 12);
        Assert.Equal(0.5, sign * vectors[8], 12);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(7)]
    [InlineData(30)]
    public void Reconstructs_random_symmetric_matrices(int n)
    {
        var rng = new RandomStream((ulong)n);
        var a = new double[n * n];
        for (var i = 0; i < n; i++)
        {
            for (var j = 0; j <= i; j++)
            {
                a[(i * n) + j] = a[(j * n) + i] = rng.NextGaussian();
            }
        }

        var v = new double[n * n];
        var d = new double[n];
        Assert.True(new SymmetricEigen(n).Decompose(a, v, d));
        for (var i = 0; i < n; i++)
        {
            for (var j = 0; j < n; j++)
            {
                double vdv = 0, vtv = 0;
                for (var k = 0; k < n; k++)
                {
                    vdv += v[(i * n) + k] * d[k] * v[(j * n) + k];
                    vtv += v[(k * n) + i] * v[(k * n) + j];
                }

                Assert.Equal(a[(i * n) + j], vdv, 10);
                Assert.Equal(i == j ? 1.0 : 0.0, vtv, 10);
            }
        }

        for (var k = 1; k < n; k++)
        {
            Assert.True(d[k - 1] <= d[k]);
        }
    }
}
