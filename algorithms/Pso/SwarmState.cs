namespace Workbench.Algorithms.Pso;

/// <summary>The swarm's arrays, row-major by particle, allocated once so that iterations allocate nothing.</summary>
internal sealed class SwarmState
{
    public SwarmState(int size, int dimension, ReadOnlySpan<double> lower, ReadOnlySpan<double> upper, double vmaxFraction)
    {
        Size = size;
        Dimension = dimension;
        Lower = lower.ToArray();
        Upper = upper.ToArray();
        Vmax = new double[dimension];
        for (var j = 0; j < dimension; j++)
        {
            Vmax[j] = vmaxFraction * (Upper[j] - Lower[j]);
        }

        Positions = new double[size * dimension];
        Velocities = new double[size * dimension];
        PersonalBest = new double[size * dimension];
        PersonalBestFitness = new double[size];
        Informer = new int[size];
        Array.Fill(PersonalBestFitness, double.PositiveInfinity);
    }

    public int Size { get; }

    public int Dimension { get; }

    public double[] Lower { get; }

    public double[] Upper { get; }

    public double[] Vmax { get; }

    /// <summary>Current positions: the batch handed out by Ask.</summary>
    public double[] Positions { get; }

    public double[] Velocities { get; }

    public double[] PersonalBest { get; }

    public double[] PersonalBestFitness { get; }

    /// <summary>For each particle, the particle whose personal best guides it (its neighbourhood best).</summary>
    public int[] Informer { get; }

    public Span<double> Position(int i) => Positions.AsSpan(i * Dimension, Dimension);

    public Span<double> Velocity(int i) => Velocities.AsSpan(i * Dimension, Dimension);

    public Span<double> Best(int i) => PersonalBest.AsSpan(i * Dimension, Dimension);

    /// <summary>Recomputes every particle's informer from the personal bests.</summary>
    public void UpdateInformers(PsoTopology topology)
    {
        if (topology == PsoTopology.Gbest)
        {
            var best = 0;
            for (var i = 1; i < Size; i++)
            {
                if (PersonalBestFitness[i] < PersonalBestFitness[best])
                {
                    best = i;
                }
            }

            Array.Fill(Informer, best);
            return;
        }

        for (var i = 0; i < Size; i++)
        {
            var left = i == 0 ? Size - 1 : i - 1;
            var right = i == Size - 1 ? 0 : i + 1;
            var best = i;
            if (PersonalBestFitness[left] < PersonalBestFitness[best])
            {
                best = left;
            }

            if (PersonalBestFitness[right] < PersonalBestFitness[best])
            {
                best = right;
            }

            Informer[i] = best;
        }
    }

    /// <summary>Mean distance of the positions to their centroid, over the length of the domain's diagonal.</summary>
    public double Diversity(Span<double> centroid)
    {
        centroid.Clear();
        for (var i = 0; i < Size; i++)
        {
            var x = Position(i);
            for (var j = 0; j < Dimension; j++)
            {
                centroid[j] += x[j];
            }
        }

        var diagonal = 0.0;
        for (var j = 0; j < Dimension; j++)
        {
            centroid[j] /= Size;
            var w = Upper[j] - Lower[j];
            diagonal += w * w;
        }

        var total = 0.0;
        for (var i = 0; i < Size; i++)
        {
            var x = Position(i);
            var sq = 0.0;
            for (var j = 0; j < Dimension; j++)
            {
                var dx = x[j] - centroid[j];
                sq += dx * dx;
            }

            total += Math.Sqrt(sq);
        }

        return total / Size / Math.Sqrt(diagonal);
    }
}
