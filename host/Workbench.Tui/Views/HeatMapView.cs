using Terminal.Gui.Drawing;
using Terminal.Gui.ViewBase;
using Workbench.Tui.Tasks;
using Attribute = Terminal.Gui.Drawing.Attribute;

namespace Workbench.Tui.Views;

/// <summary>A coarse colour map of a 2-D field (cold blue to hot red), with the shade glyph in each cell so the
/// picture survives a monochrome terminal and a text capture.</summary>
internal sealed class HeatMapView : View
{
    private static readonly ColorName16[] Ramp =
    [
        ColorName16.Black, ColorName16.Blue, ColorName16.BrightBlue, ColorName16.Cyan, ColorName16.BrightCyan,
        ColorName16.Green, ColorName16.Yellow, ColorName16.BrightYellow, ColorName16.Red, ColorName16.BrightRed,
    ];

    private double[]? _field;
    private int _rows;
    private int _cols;

    public void SetField(double[]? field, int rows, int cols)
    {
        (_field, _rows, _cols) = (field, rows, cols);
        SetNeedsDraw();
    }

    protected override bool OnDrawingContent(DrawContext? context)
    {
        if (_field is null || _rows * _cols != _field.Length || Viewport.Width < 2 || Viewport.Height < 1)
        {
            return true;
        }

        var levels = HeatRaster.Levels(_field, _rows, _cols, Viewport.Width, Viewport.Height, out _, out _);
        var normal = GetAttributeForRole(VisualRole.Normal);
        for (var r = 0; r < levels.GetLength(0); r++)
        {
            for (var c = 0; c < levels.GetLength(1); c++)
            {
                var level = levels[r, c];
                SetAttribute(new Attribute(new Color(ColorName16.White), new Color(Ramp[level])));
                AddRune(c, r, new System.Text.Rune(HeatRaster.Shades[level]));
            }
        }

        SetAttribute(normal);
        return true;
    }
}
