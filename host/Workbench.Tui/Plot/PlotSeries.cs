namespace Workbench.Tui.Plot;

/// <summary>One curve to draw: a legend name, its points (evaluations, best-so-far) and the glyph that marks it.</summary>
public sealed record PlotSeries(string Name, IReadOnlyList<(double X, double Y)> Points, char Marker);

/// <summary>A rendered plot: text lines of equal width, and for each cell the index of the series drawn there
/// (-1 for axes, labels and blanks) so a view can colour the curves.</summary>
public sealed record PlotRaster(IReadOnlyList<string> Lines, int[,] SeriesAt, string YLabel);
