namespace Workbench.Engine.Running;

public enum MigrationTopology
{
    Ring,
    FullyConnected,
}

/// <summary>The island model's settings: K islands, migration every G iterations of the best ⌈R·size⌉.</summary>
/// <remarks>The defaults are the settings of the Playdoh paper's Schwefel experiment: migration every 20
/// generations of the best 1% (⌈0.01·size⌉, so 10 of a GA population of 1000) along a ring. Every front end takes
/// them from here.</remarks>
public sealed record IslandSettings(int Count, int MigrationInterval = IslandSettings.DefaultInterval,
    double MigrationRate = IslandSettings.DefaultRate, MigrationTopology Topology = MigrationTopology.Ring)
{
    public const int DefaultInterval = 20;
    public const double DefaultRate = 0.01;

    public void Validate()
    {
        if (Count < 1)
        {
            throw new RunSetupException("islands", $"islands must be at least 1, got {Count}");
        }

        if (MigrationInterval < 1)
        {
            throw new RunSetupException("migration-interval", $"migration-interval must be at least 1, got {MigrationInterval}");
        }

        if (!(MigrationRate >= 0 && MigrationRate <= 1))
        {
            throw new RunSetupException("migration-rate", $"migration-rate must be in [0, 1], got {MigrationRate}");
        }
    }
}
