using Terminal.Gui.Drawing;
using Terminal.Gui.ViewBase;
using Workbench.Tui.Plot;
using Attribute = Terminal.Gui.Drawing.Attribute;

namespace Workbench.Tui.Views;

/// <summary>Shows <see cref="TextPlot"/> output, each series in its own colour.</summary>
internal sealed class PlotView : View
{
    private static readonly ColorName16[] Palette =
        [ColorName16.BrightGreen, ColorName16.BrightYellow, ColorName16.BrightCyan, ColorName16.BrightMagenta, ColorName16.BrightRed, ColorName16.BrightBlue];

    private IReadOnlyList<PlotSeries> _series = [];

    public IReadOnlyList<PlotSeries> Series
    {
        get => _series;
        set
        {
            _series = value;
            SetNeedsDraw();
        }
    }

    public static ColorName16 ColorOf(int series) => Palette[series % Palette.Length];

    protected override bool OnDrawingContent(DrawContext? context)
    {
        var size = Viewport.Size;
        if (size.Width < 12 || size.Height < 4)
        {
            return true;
        }

        var raster = TextPlot.Render(_series, size.Width, size.Height);
        var normal = GetAttributeForRole(VisualRole.Normal);
        for (var r = 0; r < raster.Lines.Count; r++)
        {
            var line = raster.Lines[r];
            for (var c = 0; c < line.Length; c++)
            {
                var owner = raster.SeriesAt[r, c];
                SetAttribute(owner < 0 ? normal : new Attribute(new Color(ColorOf(owner)), normal.Background));
                AddRune(c, r, new System.Text.Rune(line[c]));
            }
        }

        SetAttribute(normal);
        return true;
    }
}
