using System.Globalization;

namespace Workbench.Engine.Campaigns;

/// <summary>A named set of problems whose runtime ECDFs are aggregated.</summary>
public sealed record FunctionGroup(string Id, string Title, Func<string, bool> Contains);

/// <summary>COCO's five bbob function groups (Hansen et al. 2009), plus one group of every function.</summary>
public static class FunctionGroups
{
    public static readonly IReadOnlyList<FunctionGroup> Bbob =
    [
        Range("separable", "separable (f1-f5)", 1, 5),
        Range("moderate", "moderate conditioning (f6-f9)", 6, 9),
        Range("ill-conditioned", "high conditioning, unimodal (f10-f14)", 10, 14),
        Range("multimodal", "multimodal, adequate global structure (f15-f19)", 15, 19),
        Range("weakly-structured", "multimodal, weak global structure (f20-f24)", 20, 24),
    ];

    public static readonly FunctionGroup All = new("all", "all functions", _ => true);

    /// <summary>The bbob function number of an id such as <c>bbob-f07</c>, else null.</summary>
    public static int? BbobNumber(string problemId)
    {
        ArgumentNullException.ThrowIfNull(problemId);
        const string prefix = "bbob-f";
        return problemId.StartsWith(prefix, StringComparison.Ordinal)
            && int.TryParse(problemId.AsSpan(prefix.Length), NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n is >= 1 and <= 24
            ? n
            : null;
    }

    private static FunctionGroup Range(string id, string title, int first, int last) =>
        new(id, title, p => BbobNumber(p) is int n && n >= first && n <= last);
}
