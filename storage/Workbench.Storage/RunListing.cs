using Workbench.Engine.Archive;

namespace Workbench.Storage;

/// <summary>A stored run that cannot be trusted: its id as read, and what is wrong with it (one line).</summary>
public sealed record DamagedRun(string Id, string Problem);

/// <summary>What a listing found: the sound runs, and those set apart as damaged.</summary>
public sealed record RunListing(IReadOnlyList<RunRecord> Runs, IReadOnlyList<DamagedRun> Damaged);
