using Terminal.Gui.ViewBase;
using Terminal.Gui.Views;

namespace Workbench.Tui.Cluster;

/// <summary>The Cluster screen's row of fields (address to add, slots for the selected peer, cores of this machine
/// to share); the focused field's help goes to the hint line, so the keys that act on it are always in sight.</summary>
internal sealed class ClusterFields
{
    private readonly Label _hint;

    public ClusterFields(Label hint) => _hint = hint;

    public TextField Address { get; } = new() { Width = 26 };

    public TextField Slots { get; } = new() { Width = 5 };

    public TextField Cores { get; } = new() { Width = 4, Text = "1" };

    /// <summary>Adds the labelled fields to <paramref name="parent"/> on row <paramref name="y"/>.</summary>
    public void AddTo(View parent, Pos y)
    {
        var address = new Label { Text = "address:", X = 0, Y = y };
        Address.X = Pos.Right(address) + 1;
        var slots = new Label { Text = "slots:", X = Pos.Right(Address) + 2, Y = y };
        Slots.X = Pos.Right(slots) + 1;
        var cores = new Label { Text = "share cores:", X = Pos.Right(Slots) + 2, Y = y };
        Cores.X = Pos.Right(cores) + 1;
        Address.Y = Slots.Y = Cores.Y = y;
        parent.Add(address, Address, slots, Slots, cores, Cores);
        Hint(Address, "HOST[:PORT], @FILE or dns:NAME: F6 adds it, F7 removes the selected peer");
        Hint(Slots, "cpu slots the selected peer shares: F8 sets them (running work goes on)");
        Hint(Cores, "cores of this machine to share while the UI is open: F9 shares them (0 stops)");
    }

    private void Hint(View field, string help) => field.HasFocusChanged += (_, e) =>
    {
        if (e.NewValue)
        {
            _hint.Text = help;
        }
    };
}
