namespace Workbench.Algorithms.CmaEs;

/// <summary>The buffers of one generation: asked points, their genotypes and steps, fitness and ranking.</summary>
internal sealed class Generation
{
    public Generation(int lambda, int n)
    {
        Lambda = lambda;
        N = n;
        Points = new double[lambda * n];
        Genotypes = new double[lambda * n];
        Steps = new double[lambda * n];
        Fitness = new double[lambda];
        Sorted = new double[lambda];
        Order = new int[lambda];
    }

    public int Lambda { get; }

    public int N { get; }

    /// <summary>Asked points inside the bounds, row-major.</summary>
    public double[] Points { get; }

    public double[] Genotypes { get; }

    /// <summary>y_k = (genotype_k - m) / σ, row-major.</summary>
    public double[] Steps { get; }

    public double[] Fitness { get; }

    /// <summary>Fitness in ascending order after <see cref="Rank"/>.</summary>
    public double[] Sorted { get; }

    /// <summary>Indices of individuals, best first, after <see cref="Rank"/>.</summary>
    public int[] Order { get; }

    public Span<double> Point(int k) => Points.AsSpan(k * N, N);

    public Span<double> Genotype(int k) => Genotypes.AsSpan(k * N, N);

    public Span<double> Step(int k) => Steps.AsSpan(k * N, N);

    public double Median => (Lambda & 1) == 1
        ? Sorted[Lambda / 2]
        : (Sorted[(Lambda / 2) - 1] / 2) + (Sorted[Lambda / 2] / 2);

    public void Rank()
    {
        for (var k = 0; k < Lambda; k++)
        {
            // NaN would break the ordering; it ranks as the worst possible value.
            Sorted[k] = double.IsNaN(Fitness[k]) ? double.PositiveInfinity : Fitness[k];
            Order[k] = k;
        }

        Sorted.AsSpan().Sort(Order.AsSpan());
    }
}
