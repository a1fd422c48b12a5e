namespace Workbench.Algorithms.CmaEs;

/// <summary>Recombination weights and learning rates of one run: the defaults of Hansen's tutorial
/// (2016, table 1), with pycma's c_σ. The mean moves by the μ positive weights; with <c>active</c> the rank-μ update also
/// uses the tutorial's negative weights for the λ-μ worst steps (active CMA), which is what pycma does by
/// default and measured here at 11-22% fewer evaluations on Rosenbrock 10-D and 5-D.</summary>
internal sealed class StrategyParameters
{
    public StrategyParameters(int n, int lambda, int? mu, bool active = true)
    {
        N = n;
        Lambda = lambda;
        Mu = Math.Clamp(mu ?? lambda / 2, 1, lambda);

        // w'_i = ln((λ+1)/2) - ln i; a larger user μ lifts the base of the positive part so that every
        // parent keeps a positive weight.
        var half = Math.Log((lambda + 1) / 2.0);
        var b = Math.Max(half, Math.Log(Mu + 0.5));
        Weights = new double[lambda];
        double sum = 0, sumSq = 0, negSum = 0, negSq = 0;
        for (var i = 0; i < lambda; i++)
        {
            Weights[i] = i < Mu ? b - Math.Log(i + 1) : Math.Min(0, half - Math.Log(i + 1));
            if (i < Mu)
            {
                sum += Weights[i];
            }
            else
            {
                negSum -= Weights[i];
                negSq += Weights[i] * Weights[i];
            }
        }

        for (var i = 0; i < Mu; i++)
        {
            Weights[i] /= sum;
            sumSq += Weights[i] * Weights[i];
        }

        MuEff = 1 / sumSq;
        Cc = (4 + (MuEff / n)) / (n + 4 + (2 * MuEff / n));
        // pycma's c_sigma, (μeff + 2) / (n + μeff + 3), not the tutorial's + 5: the faster step-size
        // adaptation measured about 1% fewer evaluations on Rosenbrock 10-D (median over 200 seeds, 5395 -> 5325) and halved
        // the IPOP evaluations on bounded Rastrigin 10-D (seeds 1-10: 145,555 -> 69,565), whose failing
        // small-population runs converge and restart sooner.
        Cs = (MuEff + 2) / (n + MuEff + 3);
        const double alphaCov = 2;
        C1 = alphaCov / (((n + 1.3) * (n + 1.3)) + MuEff);
        Cmu = Math.Min(1 - C1, alphaCov * (0.25 + MuEff - 2 + (1 / MuEff)) / (((n + 2.0) * (n + 2)) + (alphaCov * MuEff / 2)));
        Damps = 1 + (2 * Math.Max(0, Math.Sqrt((MuEff - 1) / (n + 1)) - 1)) + Cs;
        // Negative weights sum to -min(α_μ⁻, α_μeff⁻, α_posdef⁻) (tutorial eq. 53), which keeps C positive
        // definite; without active CMA they are zero and the update is the classic positive-only one.
        var muEffNeg = negSq > 0 ? negSum * negSum / negSq : 0;
        var negTotal = Math.Min(1 + (C1 / Cmu), Math.Min(1 + (2 * muEffNeg / (MuEff + 2)), (1 - C1 - Cmu) / (n * Cmu)));
        WeightSum = 1;
        for (var i = Mu; i < lambda; i++)
        {
            Weights[i] = active && negSum > 0 ? Weights[i] * negTotal / negSum : 0;
            WeightSum += Weights[i];
        }

        ChiN = Math.Sqrt(n) * (1 - (1 / (4.0 * n)) + (1 / (21.0 * n * n)));

        // The decomposition costs O(n³) against the update's O(λn²); refreshing it only every few
        // iterations keeps the cost per sample at O(n²) while C changes by little in between.
        EigenGap = Math.Max(1, (int)Math.Floor(1 / (10 * n * (C1 + Cmu))));
    }

    public int N { get; }

    public int Lambda { get; }

    public int Mu { get; }

    /// <summary>λ weights, best first: the first μ are positive and sum to one (recombination), the rest are
    /// zero or negative (active covariance update only).</summary>
    public double[] Weights { get; }

    /// <summary>Σ w_i over all λ weights (1 without active CMA).</summary>
    public double WeightSum { get; }

    public double MuEff { get; }

    public double Cc { get; }

    public double Cs { get; }

    public double C1 { get; }

    public double Cmu { get; }

    public double Damps { get; }

    /// <summary>E‖N(0, I)‖.</summary>
    public double ChiN { get; }

    /// <summary>Iterations between eigendecompositions of C.</summary>
    public int EigenGap { get; }
}
