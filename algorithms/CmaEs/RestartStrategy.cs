namespace Workbench.Algorithms.CmaEs;

/// <summary>What to do when a run meets one of its own termination criteria.</summary>
public enum RestartStrategy
{
    /// <summary>Stop: the criterion becomes the optimiser's stop reason.</summary>
    None,

    /// <summary>Restart with the population size doubled each time (Auger and Hansen 2005).</summary>
    Ipop,

    /// <summary>Interleave large-population and small-population restarts (Hansen 2009).</summary>
    Bipop,
}
