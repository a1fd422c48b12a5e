using System.Globalization;
using Terminal.Gui.Input;
using Terminal.Gui.ViewBase;
using Terminal.Gui.Views;
using Workbench.Contracts.Options;
using Workbench.Contracts.Tasks;
using Workbench.Engine.Tasks;
using Workbench.Tui.Forms;
using Workbench.Tui.Tasks;
using Workbench.Tui.Views;

namespace Workbench.Tui.Screens;

/// <summary>Runs a parallel task (Monte Carlo pi, the heat equation) with its options and shows per-node progress,
/// the result figures and, for a 2-D result, a colour map of the field.</summary>
internal sealed class TasksScreen : IScreen
{
    private readonly TuiServices _services;
    private readonly UiThread _ui;
    private readonly Action<string> _message;
    private readonly ComponentPicker _tasks = new("Tasks") { X = 0, Y = 0, Width = Dim.Percent(22), Height = Dim.Fill() };
    private readonly FormView _form = new() { X = 0, Y = 0, Width = Dim.Fill(), Height = Dim.Fill(2) };
    private readonly Label _help = new() { X = 0, Y = Pos.AnchorEnd(2), Width = Dim.Fill(), Height = 2 };
    private readonly Label _progress = new() { X = 0, Y = 0, Width = Dim.Fill(), Height = Dim.Percent(40) };
    private readonly Label _result = new() { X = 0, Width = Dim.Fill(), Height = 4 };
    private readonly HeatMapView _map = new() { Width = Dim.Fill(), Height = Dim.Fill() };
    private readonly FormField _seed = new("seed", Engine.Running.RunDefaults.FreshSeed().ToString(CultureInfo.InvariantCulture), "an integer >= 0", "Task seed",
        t => ulong.TryParse(t.Trim(), CultureInfo.InvariantCulture, out _) ? null : $"seed '{t}' is invalid: expected an integer >= 0");
    private readonly FormField _peers = new("peers", Environment.GetEnvironmentVariable("WORKBENCH_PEERS") ?? "", "HOST:PORT,... or @FILE, or empty",
        "Peers whose slots run the nodes, one node per slot (empty: threads of this machine)", RunSettingsForm.CheckPeers);
    private OptionForm _options = new("task", OptionSchema.Empty);
    private CancellationTokenSource? _cancel;

    public TasksScreen(TuiServices services, UiThread ui, Action<string> message)
    {
        (_services, _ui, _message) = (services, ui, message);
        var settings = new FrameView { Title = "Options", X = Pos.Right(_tasks), Y = 0, Width = Dim.Percent(36), Height = Dim.Fill(), TabStop = TabBehavior.TabStop };
        settings.Add(_form, _help);
        var output = new FrameView { Title = "Nodes", X = Pos.Right(settings), Y = 0, Width = Dim.Fill(), Height = Dim.Fill() };
        _result.Y = Pos.Bottom(_progress);
        _map.X = 0;
        _map.Y = Pos.Bottom(_result);
        output.Add(_progress, _result, _map);
        View = new View { X = 0, Y = 0, Width = Dim.Fill(), Height = Dim.Fill(), CanFocus = true };
        View.Add(_tasks, settings, output);
        _tasks.SelectionChanged += OnPicked;
        _form.FieldFocused += f => _help.Text = f.Error ?? $"{f.Hint}: {f.Help}";
        Keys = [new(Key.F5, "Start", Start), new(Key.F6, "Stop", Stop)];
        Reload();
    }

    public string Title => "Tasks";

    public View View { get; }

    public IReadOnlyList<ScreenKey> Keys { get; }

    public void OnShown()
    {
        _tasks.FocusList();
        if (_services.Tasks is null)
        {
            _progress.Text = "no parallel tasks are wired into this build";
        }
    }

    public void Reload()
    {
        _tasks.SetIds(_services.Tasks?.Tasks.Select(t => t.Factory.Id) ?? []);
        OnPicked();
    }

    private Engine.Catalog.Registered<IParallelTaskFactory>? Registered => _services.Tasks?.Tasks.FirstOrDefault(t => t.Factory.Id == _tasks.Selected);

    private IParallelTaskFactory? Factory => Registered?.Factory;

    private void OnPicked()
    {
        var factory = Factory;
        var owner = $"task {factory?.Id}";
        if (_options.Owner == owner)
        {
            return;
        }

        _options = new OptionForm(owner, factory?.Options ?? OptionSchema.Empty);
        _form.SetSections([("", [_seed, _peers]), ($"{factory?.Id} options", _options.Fields)]);
        _help.Text = factory?.Description ?? "";
    }

    private void Start()
    {
        if (_cancel is not null)
        {
            _message("a task is going: F6 stops it");
            return;
        }

        var registered = Registered;
        var factory = registered?.Factory;
        var errors = _options.Errors.Prepend(_peers.Error).Prepend(_seed.Error).OfType<string>().ToList();
        if (registered is null || factory is null || errors.Count > 0)
        {
            _message(factory is null ? "pick a task first" : $"cannot start: {errors[0]}");
            return;
        }

        var cancel = _cancel = new CancellationTokenSource();
        var seed = ulong.Parse(_seed.Text.Trim(), CultureInfo.InvariantCulture);
        var options = _options.ChangedValues();
        var peers = RunSettingsForm.PeerList(_peers.Text);
        var feed = new TaskProgressFeed(_ui.Post, lines => _progress.Text = string.Join("\n", lines));
        _progress.Text = $"starting {factory.Id}...";
        _result.Text = "";
        _map.SetField(null, 0, 0);
        _ = Task.Run(async () =>
        {
            try
            {
                var onPeers = peers.Length > 0 && _services.TasksOnPeers is { } open ? open(peers) : null;
                using var lease = onPeers as IDisposable;
                var result = await new TaskRunner(onPeers).RunAsync(registered, options, seed, null, feed, cancel.Token);
                var where = onPeers is null ? "on this machine" : $"on peers {string.Join(",", peers)}";
                _ui.Post(() => ShowResult(result, where));
            }
            catch (Exception ex)
            {
                _ui.Post(() => _message(ex is OperationCanceledException ? "task stopped" : $"task failed: {ex.Message}"));
            }
            finally
            {
                _ui.Post(() => _cancel = null);
            }
        });
    }

    private void Stop()
    {
        _cancel?.Cancel();
        _message(_cancel is null ? "no task is going" : "stopping the task...");
    }

    private void ShowResult(TaskRunResult run, string where)
    {
        var r = run.Result;
        var value = r.Value.IsArray ? $"array {string.Join("x", r.Shape)} sha256 {run.Sha256[..12]}" : TaskText.Scalar(r.Value);
        var metrics = string.Join("  ", r.Metrics.Select(m => $"{m.Name} {m.Value:G6}{m.Unit}"));
        _result.Text = $"{run.TaskId}: {value}  ({run.Elapsed.TotalSeconds:0.00} s, {run.NodeCount} nodes {where})\n{metrics}";
        if (r.Shape.Count == 2 && r.Value.Kind == TaskValueKind.RealArray)
        {
            _map.SetField(r.Value.AsReals().ToArray(), r.Shape[0], r.Shape[1]);
            _message($"{run.TaskId} finished in {run.Elapsed.TotalSeconds:0.00} s; map = final field (no live fields from the task API)");
            return;
        }

        _message($"task {run.TaskId} finished in {run.Elapsed.TotalSeconds:0.00} s");
    }
}
