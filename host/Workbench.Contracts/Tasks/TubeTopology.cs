namespace Workbench.Contracts.Tasks;

/// <summary>The tubes between the nodes of a task, as a list of <c>(name, from, to)</c>.</summary>
/// <remarks>Only a plain list: the runtime validates it against the node count (unknown nodes, duplicate names),
/// so a plugin cannot bypass the checks by building one by hand.</remarks>
public sealed class TubeTopology
{
    public TubeTopology(IEnumerable<TubeLink> links)
    {
        Links = links.ToArray();
    }

    public static TubeTopology None { get; } = new([]);

    public IReadOnlyList<TubeLink> Links { get; }

    /// <summary>The paper's "double linear" layout: <c>right_i</c> from node i to i+1 and <c>left_i</c> from
    /// node i+1 to i, for i in 0..K-2.</summary>
    public static TubeTopology DoubleLinear(int nodeCount, string right = "right", string left = "left")
    {
        var links = new List<TubeLink>();
        for (var i = 0; i + 1 < nodeCount; i++)
        {
            links.Add(new TubeLink($"{right}_{i}", i, i + 1));
            links.Add(new TubeLink($"{left}_{i}", i + 1, i));
        }

        return new TubeTopology(links);
    }

    /// <summary>A one-way ring: <c>{name}_i</c> from node i to node (i+1) mod K (island migration).</summary>
    public static TubeTopology Ring(int nodeCount, string name = "ring")
    {
        var links = new List<TubeLink>();
        for (var i = 0; nodeCount > 1 && i < nodeCount; i++)
        {
            links.Add(new TubeLink($"{name}_{i}", i, (i + 1) % nodeCount));
        }

        return new TubeTopology(links);
    }

    public override string ToString() => Links.Count == 0 ? "(no tubes)" : string.Join(", ", Links);
}
