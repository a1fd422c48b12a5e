using System.Globalization;

namespace Workbench.Engine.Campaigns;

/// <summary>A benchmark campaign: every algorithm configuration on every problem, dimension, instance and seed,
/// each run with a budget of <see cref="Budget"/> × dimension evaluations.</summary>
/// <remarks>Defaults live here, not in a file reader: no instances means the problem's own default instance, no
/// seeds means seed 1, no targets means COCO's 1e+1 … 1e-8.</remarks>
public sealed record CampaignDefinition
{
    public required string Name { get; init; }

    public required IReadOnlyList<CampaignAlgorithm> Algorithms { get; init; }

    public required IReadOnlyList<string> Problems { get; init; }

    public required IReadOnlyList<int> Dimensions { get; init; }

    /// <summary>Values of the problem option <c>instance</c> (bbob); empty: the problem's default, option not set.</summary>
    public IReadOnlyList<int> Instances { get; init; } = [];

    public IReadOnlyList<ulong> Seeds { get; init; } = [1];

    /// <summary>Evaluations per dimension: a run in d dimensions may use Budget × d evaluations.</summary>
    public required double Budget { get; init; }

    /// <summary>Precisions (best − fopt) at which runtimes are read, largest first. A run stops at the smallest.</summary>
    public IReadOnlyList<double> Targets { get; init; } = CocoTargets;

    public static readonly IReadOnlyList<double> CocoTargets = [1e1, 1e0, 1e-1, 1e-2, 1e-3, 1e-4, 1e-5, 1e-6, 1e-7, 1e-8];

    /// <summary>Checks every field and throws <see cref="CampaignException"/> naming the first bad one.</summary>
    public void Validate()
    {
        // The name tags every run and names the report's default folder, so it must be one plain word.
        if (string.IsNullOrEmpty(Name) || !Name.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.') || Name.StartsWith('.'))
        {
            throw new CampaignException("name", $"must be one word of letters, digits, '-', '_' or '.', got '{Name}'");
        }

        Require(Algorithms.Count > 0, "algorithms", "must list at least one algorithm");
        for (var i = 0; i < Algorithms.Count; i++)
        {
            Require(!string.IsNullOrWhiteSpace(Algorithms[i].Id), $"algorithms[{i}].id", "must name an algorithm");
            Require(Algorithms[i].OptionSets.Count > 0, $"algorithms[{i}].options", "must hold at least one option set (an empty one means the defaults)");
        }

        Require(Problems.Count > 0 && Problems.All(p => !string.IsNullOrWhiteSpace(p)), "problems", "must list at least one problem id");
        Require(Dimensions.Count > 0 && Dimensions.All(d => d >= 1), "dimensions", "must list dimensions of at least 1");
        Require(Instances.All(i => i >= 1), "instances", "must be at least 1");
        Require(Seeds.Count > 0, "seeds", "must list at least one seed");
        Require(double.IsFinite(Budget) && Budget >= 1, "budget", $"must be a number of evaluations per dimension of at least 1, got {Budget.ToString(CultureInfo.InvariantCulture)}");
        Require(Targets.Count > 0 && Targets.All(t => double.IsFinite(t) && t > 0), "targets", "must list positive precisions such as 1e-8");
        RequireDistinct(Dimensions, "dimensions");
        RequireDistinct(Instances, "instances");
        RequireDistinct(Seeds, "seeds");
        RequireDistinct(Problems, "problems");
    }

    private static void Require(bool condition, string field, string message)
    {
        if (!condition)
        {
            throw new CampaignException(field, message);
        }
    }

    private static void RequireDistinct<T>(IReadOnlyList<T> values, string field)
    {
        if (values.Distinct().Count() != values.Count)
        {
            throw new CampaignException(field, "lists a value twice");
        }
    }
}

/// <summary>One algorithm with the option sets to try; each set is one configuration (option text as on the command line).</summary>
public sealed record CampaignAlgorithm(string Id, IReadOnlyList<IReadOnlyDictionary<string, string>> OptionSets);

/// <summary>A campaign that cannot be run as written: the field at fault and why.</summary>
public sealed class CampaignException(string field, string message) : Exception($"{field}: {message}")
{
    public string Field { get; } = field;
}
