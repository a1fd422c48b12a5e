namespace Workbench.Contracts.Tasks;

/// <summary>One named one-way FIFO queue from node <see cref="From"/> to node <see cref="To"/>.</summary>
public sealed record TubeLink(string Name, int From, int To)
{
    public override string ToString() => $"{Name} ({From} -> {To})";
}
