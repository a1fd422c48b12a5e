using Terminal.Gui.Input;
using Terminal.Gui.ViewBase;
using Terminal.Gui.Views;
using Workbench.Contracts.Options;
using Workbench.Engine.Catalog;
using Workbench.Tui.Forms;
using Workbench.Tui.Views;

namespace Workbench.Tui.Screens;

/// <summary>Pick an optimiser and a problem, set options, start and stop a run, watch it converge.</summary>
internal sealed class RunScreen : IScreen
{
    private readonly TuiServices _services;
    private readonly Action<string> _message;
    private readonly ComponentPicker _optimizers = new("Optimisers") { X = 0, Y = 0, Width = Dim.Percent(22), Height = Dim.Percent(40) };
    private readonly ComponentPicker _problems;
    private readonly Label _description;
    private readonly FormView _form = new() { X = 0, Y = 0, Width = Dim.Fill(), Height = Dim.Fill(2) };
    private readonly Label _help = new() { X = 0, Y = Pos.AnchorEnd(2), Width = Dim.Fill(), Height = 2 };
    private readonly LivePanel _live;
    private readonly RunSettingsForm _settings = new(Engine.Running.RunDefaults.FreshSeed());
    private readonly RunSession _session;
    private readonly FrameView _settingsFrame;
    private OptionForm _algorithmForm = new("algorithm", OptionSchema.Empty);
    private OptionForm _problemForm = new("problem", OptionSchema.Empty);

    public RunScreen(TuiServices services, UiThread ui, Action<string> message)
    {
        _services = services;
        _message = message;
        _problems = new ComponentPicker("Problems") { X = 0, Y = Pos.Bottom(_optimizers), Width = Dim.Width(_optimizers), Height = Dim.Percent(40) };
        _description = new Label { X = 0, Y = Pos.Bottom(_problems), Width = Dim.Width(_optimizers), Height = Dim.Fill() };
        var settings = _settingsFrame = new FrameView { Title = "Settings", X = Pos.Right(_optimizers), Y = 0, Width = Dim.Percent(36), Height = Dim.Fill(), TabStop = TabBehavior.TabStop };
        settings.Add(_form, _help);
        _live = new LivePanel { X = Pos.Right(settings), Y = 0, Width = Dim.Fill(), Height = Dim.Fill() };
        _session = new RunSession(services, ui, _live, message);
        View = new View { X = 0, Y = 0, Width = Dim.Fill(), Height = Dim.Fill(), CanFocus = true };
        View.Add(_optimizers, _problems, _description, settings, _live);
        _optimizers.SelectionChanged += OnPicked;
        _problems.SelectionChanged += OnPicked;
        _form.FieldFocused += f => _help.Text = f.Error ?? $"{f.Hint}: {f.Help}";
        Keys =
        [
            new(Key.F5, "Start", Start),
            new(Key.F6, "Stop", _session.Stop),
            new(Key.F7, "New seed", NewSeed),
        ];
        Reload();
    }

    public string Title => "Run";

    public View View { get; }

    public IReadOnlyList<ScreenKey> Keys { get; }

    public bool IsRunning => _session.IsRunning;

    /// <summary>The peers field as typed (the Cluster screen probes these too).</summary>
    public string PeersText => _settings.Peers.Text;

    /// <summary>Raised on the UI thread when a run started here has ended and been recorded.</summary>
    public event Action? RunFinished
    {
        add => _session.Finished += value;
        remove => _session.Finished -= value;
    }

    public void OnShown() => _optimizers.FocusList();

    public void CancelOnExit() => _session.CancelOnExit();

    /// <summary>Re-reads the catalog: a plugin dropped in appears, a removed one disappears (a run using it goes on
    /// with the factories it already holds).</summary>
    public void Reload()
    {
        _optimizers.SetIds(_services.Catalog.Optimizers.Select(o => o.Factory.Id));
        _problems.SetIds(_services.Catalog.Problems.Select(p => p.Factory.Id));
        OnPicked();
    }

    private Registered<Contracts.Optimizers.IOptimizerFactory>? Optimizer =>
        _services.Catalog.Optimizers.FirstOrDefault(o => o.Factory.Id == _optimizers.Selected);

    private Registered<Contracts.Problems.IProblemFactory>? Problem =>
        _services.Catalog.Problems.FirstOrDefault(p => p.Factory.Id == _problems.Selected);

    private void OnPicked()
    {
        var optimizer = Optimizer;
        var problem = Problem;
        _settingsFrame.Title = $"{optimizer?.Factory.Id ?? "?"} on {problem?.Factory.Id ?? "?"}";
        _description.Text = $"{optimizer?.Factory.Description ?? "(no optimiser)"}\n\n{problem?.Factory.Description ?? "(no problem)"}";
        var algorithmOwner = $"algorithm {optimizer?.Factory.Id}";
        var problemOwner = $"problem {problem?.Factory.Id}";
        if (_algorithmForm.Owner == algorithmOwner && _problemForm.Owner == problemOwner)
        {
            return;
        }

        _algorithmForm = new OptionForm(algorithmOwner, optimizer?.Factory.Options ?? OptionSchema.Empty);
        _problemForm = new OptionForm(problemOwner, problem?.Factory.Options ?? OptionSchema.Empty);
        _form.SetSections([
            ("", _settings.Fields),
            ($"{optimizer?.Factory.Id} options", _algorithmForm.Fields),
            ($"{problem?.Factory.Id} options", _problemForm.Fields),
        ]);
    }

    private void Start()
    {
        var optimizer = Optimizer;
        var problem = Problem;
        if (optimizer is null || problem is null)
        {
            _message("pick an optimiser and a problem first");
            return;
        }

        var request = _settings.ToRequest(optimizer.Factory.Id, _algorithmForm, problem.Factory.Id, _problemForm, problem.Factory.Dimensions, out var errors);
        if (request is null)
        {
            _message($"cannot start: {errors[0]}{(errors.Count > 1 ? $" (+{errors.Count - 1} more)" : "")}");
            return;
        }

        _session.Start(request);
    }

    private void NewSeed()
    {
        _settings.NewSeed();
        _form.Refresh();
        _message($"new seed {_settings.Seed.Text}");
    }
}
