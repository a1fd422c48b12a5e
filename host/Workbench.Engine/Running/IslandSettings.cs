namespace Workbench.Engine.Running;

public enum MigrationTopology
{
    Ring,
    FullyConnected,
}

/// <summary>The island model's settings: K islands, migration every G iterations of the best ⌈R·size⌉.</summary>
public sealed record IslandSettings(int Count, int MigrationInterval, double MigrationRate, MigrationTopology Topology)
{
    public void Validate()
    {
        if (Count < 1)
        {
            throw new RunSetupException("islands", $"--islands must be at least 1, got {Count}");
        }

        if (MigrationInterval < 1)
        {
            throw new RunSetupException("migration-interval", $"--migration-interval must be at least 1, got {MigrationInterval}");
        }

        if (!(MigrationRate >= 0 && MigrationRate <= 1))
        {
            throw new RunSetupException("migration-rate", $"--migration-rate must be in [0, 1], got {MigrationRate}");
        }
    }
}
