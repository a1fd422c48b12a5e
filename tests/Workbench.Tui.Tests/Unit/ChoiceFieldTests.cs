using Terminal.Gui.App;
using Terminal.Gui.Drivers;
using Terminal.Gui.Input;
using Terminal.Gui.ViewBase;
using Terminal.Gui.Views;
using Workbench.Tui.Forms;
using Workbench.Tui.Views;

namespace Workbench.Tui.Tests.Unit;

/// <summary>Fields with a fixed set of values are edited by a <see cref="ChoiceField"/> in the form; keys go in
/// through the application's keyboard, as the driver delivers them, and the result is read from the
/// <see cref="FormField"/> the run request is built from.</summary>
public sealed class ChoiceFieldTests : IDisposable
{
    private readonly IApplication _app = Application.Create().Init(DriverRegistry.Names.ANSI);
    private readonly Window _window = new();
    private readonly FormView _form = new() { Width = Dim.Fill(), Height = Dim.Fill() };
    private readonly FormField _before = Text("before");
    private readonly FormField _restarts = new("restarts", "none", "one of none, ipop, bipop", "Restart strategy", CheckOneOf("none", "ipop", "bipop")) { Choices = ["none", "ipop", "bipop"] };
    private readonly FormField _after = Text("after");
    private readonly SessionToken? _session;

    public ChoiceFieldTests()
    {
        _window.Add(_form);
        _form.SetSections([("", [_before, _restarts, _after])]);
        _session = _app.Begin(_window);
        _app.LayoutAndDraw(forceRedraw: true);
    }

    [Fact]
    public void A_field_with_choices_gets_a_selector_and_one_without_a_text_box()
    {
        Assert.IsType<ChoiceField>(Editor(_restarts));
        Assert.IsType<TextField>(Editor(_before));
    }

    [Fact]
    public void Right_and_Space_step_forward_Left_steps_back_and_both_wrap()
    {
        Focus(_restarts);

        Press(Key.CursorRight);
        Assert.Equal("ipop", _restarts.Text);
        Press(Key.Space);
        Assert.Equal("bipop", _restarts.Text);
        Press(Key.CursorRight);
        Assert.Equal("none", _restarts.Text);
        Press(Key.CursorLeft);
        Assert.Equal("bipop", _restarts.Text);
        Press(Key.CursorLeft, Key.CursorLeft, Key.CursorLeft);
        Assert.Equal("bipop", _restarts.Text);
    }

    [Fact]
    public void A_chosen_value_is_checked_marked_changed_and_reported_like_a_typed_one()
    {
        var reported = new List<string>();
        _form.FieldFocused += f => reported.Add($"{f.Name}={f.Text}");
        Focus(_restarts);

        Press(Key.CursorRight);
        Assert.True(_restarts.IsChanged);
        Assert.Null(_restarts.Error);
        Assert.Equal("restarts=ipop", reported[^1]);

        Press(Key.CursorLeft);
        Assert.False(_restarts.IsChanged);
    }

    [Fact]
    public void Typing_a_first_letter_jumps_to_its_choice_and_again_to_the_next_one_it_begins()
    {
        var field = new FormField("crossover", "sbx", "", "", _ => null) { Choices = ["sbx", "blx", "bipop", "none"] };
        _form.SetSections([("", [_before, field])]);
        Focus(field);

        Press(Key.B);
        Assert.Equal("blx", field.Text);
        Press(Key.I);
        Assert.Equal("bipop", field.Text); // "bi" goes on from blx to the choice it begins
        Press(Key.N.WithShift);
        Assert.Equal("none", field.Text); // "bin" begins nothing, so "N" starts afresh
        Press(Key.X);
        Assert.Equal("none", field.Text); // a letter that begins nothing changes nothing
    }

    [Fact]
    public void The_same_letter_again_cycles_through_the_choices_it_begins()
    {
        var field = new FormField("mode", "poly", "", "", _ => null) { Choices = ["gauss", "poly", "gamma"] };
        _form.SetSections([("", [_before, field])]);
        Focus(field);

        Press(Key.G);
        Assert.Equal("gamma", field.Text); // the first g-choice after poly
        Press(Key.G);
        Assert.Equal("gauss", field.Text);
        Press(Key.G);
        Assert.Equal("gamma", field.Text);
    }

    [Fact]
    public void After_a_pause_a_letter_starts_a_new_prefix()
    {
        var clock = new ManualClock();
        var choice = new ChoiceField(["sbx", "blx"], clock) { Value = "blx" };

        Assert.True(choice.NewKeyDownEvent(Key.S));
        Assert.True(choice.NewKeyDownEvent(Key.B));
        Assert.Equal("sbx", choice.Value); // "sb", typed at once

        clock.Advance(TimeSpan.FromSeconds(2));
        Assert.True(choice.NewKeyDownEvent(Key.B));
        Assert.Equal("blx", choice.Value); // "b", after the pause
    }

    [Fact]
    public void Tab_and_Shift_Tab_still_move_between_fields_and_leave_the_value_alone()
    {
        Focus(_restarts);
        Press(Key.CursorRight);

        Press(Key.Tab);
        Assert.True(Editor(_after).HasFocus);
        Press(Key.Tab.WithShift);
        Assert.True(Editor(_restarts).HasFocus);
        Press(Key.Tab.WithShift);
        Assert.True(Editor(_before).HasFocus);
        Assert.Equal("ipop", _restarts.Text);
    }

    [Fact]
    public void Refresh_shows_a_value_set_on_the_field_and_the_keys_go_on_from_there()
    {
        _restarts.Text = "bipop";
        _form.Refresh();
        Assert.Equal("bipop", ((ChoiceField)Editor(_restarts)).Value);

        Focus(_restarts);
        Press(Key.CursorRight);
        Assert.Equal("none", _restarts.Text);
    }

    [Fact]
    public void The_selector_draws_the_value_between_arrows_when_narrow_and_every_choice_when_wide()
    {
        var choice = new ChoiceField(["auto", "cpu", "gpu"]) { Value = "cpu", Width = 10 };
        _window.Add(choice);
        _app.LayoutAndDraw(forceRedraw: true);
        Assert.Equal("◂ cpu ▸", Row(choice).TrimEnd());

        choice.Width = 20;
        _app.LayoutAndDraw(forceRedraw: true);
        Assert.Equal(" auto [cpu] gpu", Row(choice).TrimEnd());
    }

    [Fact]
    public void A_click_on_a_choice_picks_it_and_on_an_arrow_steps()
    {
        var choice = new ChoiceField(["auto", "cpu", "gpu"]) { Value = "auto", Width = 20 };
        _window.Add(choice);
        _app.LayoutAndDraw(forceRedraw: true);
        Click(choice, 12); // "[auto] cpu  gpu ": on gpu
        Assert.Equal("gpu", choice.Value);

        choice.Width = 10;
        _app.LayoutAndDraw(forceRedraw: true);
        Click(choice, 0); // "◂ gpu ▸": on the left arrow
        Assert.Equal("cpu", choice.Value);
    }

    public void Dispose()
    {
        if (_session is not null)
        {
            _app.End(_session);
        }

        _window.Dispose();
        _app.Dispose();
    }

    private static FormField Text(string name) => new(name, "", "", "", _ => null);

    private static Func<string, string?> CheckOneOf(params string[] choices) =>
        t => choices.Contains(t.Trim()) ? null : $"'{t}' is not one of them";

    private View Editor(FormField field)
    {
        var labels = _form.SubViews.OfType<Label>().ToList();
        var label = labels.Single(l => l.Text.EndsWith(field.Name, StringComparison.Ordinal));
        return _form.SubViews.Single(v => v is TextField or ChoiceField && v.Frame.Y == label.Frame.Y);
    }

    private void Focus(FormField field)
    {
        Editor(field).SetFocus();
        Assert.True(Editor(field).HasFocus);
    }

    private void Press(params Key[] keys)
    {
        foreach (var key in keys)
        {
            _app.Keyboard.RaiseKeyDownEvent(key);
        }
    }

    private static void Click(View view, int x) =>
        view.NewMouseEvent(new Mouse { Position = new System.Drawing.Point(x, 0), Flags = MouseFlags.LeftButtonClicked });

    private string Row(View view)
    {
        var contents = _app.Driver!.Contents!;
        var screen = view.ViewportToScreen(new System.Drawing.Point(0, 0));
        return string.Concat(Enumerable.Range(0, view.Viewport.Width).Select(x => contents[screen.Y, screen.X + x].Grapheme));
    }
}
