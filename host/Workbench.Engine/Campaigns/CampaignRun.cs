using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Workbench.Engine.Running;

namespace Workbench.Engine.Campaigns;

/// <summary>One run of a campaign, fully described: what is hashed into <see cref="Key"/> is everything that
/// decides its result, so two runs with the same key are the same run and a completed one need not run again.</summary>
public sealed record CampaignRun(
    string Campaign,
    string AlgorithmId,
    IReadOnlyDictionary<string, string> AlgorithmOptions,
    string ProblemId,
    int Dimension,
    int? Instance,
    ulong Seed,
    long MaxEvaluations,
    double SmallestTarget)
{
    /// <summary>The description hashed (SHA-256, first 16 hex digits). The campaign name is not part of it: renaming
    /// a campaign does not change what its runs compute, but runs are looked up within one campaign's tag.</summary>
    /// <remarks>Computed on each read, not stored: a stored value would be copied unchanged by <c>with</c>.</remarks>
    public string Key => Hash(AlgorithmId, AlgorithmOptions, ProblemId, Dimension, Instance, Seed, MaxEvaluations, SmallestTarget);

    public IReadOnlyDictionary<string, string> ProblemOptions =>
        Instance is int i ? new Dictionary<string, string> { ["instance"] = i.ToString(CultureInfo.InvariantCulture) } : new Dictionary<string, string>();

    /// <summary>The request: one serial worker per run (a campaign is parallel across runs, which keeps every
    /// core busy without splitting small batches), or the given peers for its evaluations.</summary>
    public RunRequest ToRequest(EvaluationSettings evaluation) => new()
    {
        AlgorithmId = AlgorithmId,
        AlgorithmOptions = AlgorithmOptions,
        ProblemId = ProblemId,
        ProblemOptions = ProblemOptions,
        Dimension = Dimension,
        Seed = Seed,
        Stop = new StopCriteria { MaxEvaluations = MaxEvaluations },
        Evaluation = evaluation,
        Name = $"{Campaign}/{Key}",
        Tags = [CampaignTags.Campaign(Campaign), CampaignTags.Run(Key)],
    };

    public override string ToString() =>
        $"{AlgorithmId}{string.Concat(AlgorithmOptions.OrderBy(o => o.Key, StringComparer.Ordinal).Select(o => $" {o.Key}={o.Value}"))} on {ProblemId} {Dimension}-D{(Instance is int i ? $" instance {i}" : "")} seed {Seed}";

    private static string Hash(string algorithm, IReadOnlyDictionary<string, string> options, string problem, int dimension, int? instance, ulong seed, long budget, double target)
    {
        var c = CultureInfo.InvariantCulture;
        var text = new StringBuilder()
            .Append("algorithm=").Append(algorithm).Append('\n');
        foreach (var (key, value) in options.OrderBy(o => o.Key, StringComparer.Ordinal))
        {
            text.Append("option ").Append(key).Append('=').Append(value).Append('\n');
        }

        text.Append("problem=").Append(problem).Append('\n')
            .Append("dimension=").Append(dimension.ToString(c)).Append('\n')
            .Append("instance=").Append(instance?.ToString(c) ?? "-").Append('\n')
            .Append("seed=").Append(seed.ToString(c)).Append('\n')
            .Append("max-evals=").Append(budget.ToString(c)).Append('\n')
            .Append("target=").Append(target.ToString("R", c)).Append('\n');
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())))[..16];
    }
}

/// <summary>The tags that tie a stored run to its campaign and to its description.</summary>
public static class CampaignTags
{
    public const string CampaignPrefix = "campaign:";

    public const string RunPrefix = "campaign-run:";

    public static string Campaign(string name) => CampaignPrefix + name;

    public static string Run(string key) => RunPrefix + key;

    /// <summary>The run key among a stored run's tags, or null.</summary>
    public static string? KeyOf(IEnumerable<string> tags) =>
        tags.FirstOrDefault(t => t.StartsWith(RunPrefix, StringComparison.Ordinal))?[RunPrefix.Length..];
}
