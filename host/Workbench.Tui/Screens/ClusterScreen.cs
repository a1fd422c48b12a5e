using Terminal.Gui.Input;
using Terminal.Gui.ViewBase;
using Terminal.Gui.Views;
using Workbench.Engine.Cluster;
using Workbench.Tui.Cluster;
using Workbench.Tui.Views;

namespace Workbench.Tui.Screens;

/// <summary>Every peer, probed in the background every ~2 s (address, name, up or down and why, slots, load, round
/// trip, plugins); add and remove addresses, set a peer's shared CPU slots, and share this machine's cores while
/// the UI is open. Every call to the cluster runs off the UI thread; its answer comes back through <see cref="UiThread"/>.</summary>
internal sealed class ClusterScreen : IScreen, IDisposable
{
    private const string TableHint = "Tab moves table -> address -> slots -> cores";
    private static readonly TimeSpan Period = TimeSpan.FromSeconds(2);
    private readonly ClusterModel? _model;
    private readonly UiThread _ui;
    private readonly Action<string> _message;
    private readonly Func<string> _runPeers;
    private readonly ProbeLoop? _loop;
    private readonly CancellationTokenSource _closing = new();
    private readonly TableView _table = new() { X = 0, Y = 0, Width = Dim.Fill(), Height = Dim.Fill(5), FullRowSelect = true, MultiSelect = false, MaxCellWidth = 24 };
    private readonly Label _detail = new() { X = 0, Y = Pos.AnchorEnd(5), Width = Dim.Fill(), Height = 2 };
    private readonly Label _hint = new() { Text = TableHint, X = 0, Y = Pos.AnchorEnd(2), Width = Dim.Fill(), Height = 1 };
    private readonly ClusterFields _fields;
    private readonly Label _share = new() { X = 0, Y = Pos.AnchorEnd(1), Width = Dim.Fill(), Height = 1 };
    private IReadOnlyList<PeerStatus> _shown = [];
    private string? _lastProbeError;

    public ClusterScreen(IClusterService? cluster, UiThread ui, Action<string> message, Func<string> runPeers)
    {
        (_ui, _message, _runPeers) = (ui, message, runPeers);
        _fields = new ClusterFields(_hint);
        var frame = new FrameView { Title = "Peers", X = 0, Y = 0, Width = Dim.Fill(), Height = Dim.Fill() };
        View = frame;
        if (cluster is null)
        {
            frame.Add(new Label { Text = "this build has no transport: there are no peers to show or share with", X = 0, Y = 0 });
            Keys = [];
            return;
        }

        _model = new ClusterModel(cluster, Environment.GetEnvironmentVariable("WORKBENCH_PEERS"));
        _loop = new ProbeLoop(ProbeAsync, Period, e => _ui.Post(() => _message($"probing the peers failed: {ClusterModel.OneLine(e)}")));
        frame.Add(_table, _detail, _hint, _share);
        _fields.AddTo(frame, Pos.AnchorEnd(3));
        _table.ValueChanged += (_, _) => _detail.Text = PeerText.Detail(Selected());
        Keys =
        [
            new(Key.F5, "Probe", () =>
            {
                _loop.Wake();
                _message("probing the peers...");
            }),
            new(Key.F6, "Add", () =>
            {
                var before = _model.Entries.Count;
                var answer = _model.Add(_fields.Address.Text);
                if (_model.Entries.Count > before)
                {
                    _fields.Address.Text = "";
                }

                _message(answer);
                Redraw();
                _loop.Wake();
            }),
            new(Key.F7, "Remove", () =>
            {
                _message(_model.Remove(Selected()));
                Redraw();
            }),
            new(Key.F8, "Slots", () =>
            {
                var peer = Selected();
                var slots = _fields.Slots.Text;
                Act(peer is null ? "" : $"setting {peer.Address} to {slots.Trim()} cpu slots...", t => _model.SetSlotsAsync(peer, slots, t));
            }),
            new(Key.F9, "Share", () =>
            {
                var cores = _fields.Cores.Text;
                Act($"sharing {cores.Trim()} core(s) of this machine...", t => _model.ShareAsync(cores, t));
            }),
        ];
        // Back in the table, the hint says how to reach the fields again rather than the last field's help.
        _table.HasFocusChanged += (_, e) => _hint.Text = e.NewValue ? TableHint : _hint.Text;
        _share.Text = _model.ShareLine();
        Redraw();
    }

    public string Title => "Cluster";

    public View View { get; }

    public IReadOnlyList<ScreenKey> Keys { get; }

    public void OnShown()
    {
        if (_model is null || _loop is null)
        {
            _message("this build has no transport (wb serve, wb peers): the Cluster screen is empty");
            return;
        }

        // The Run screen's peers field may name peers typed since; they are probed here too.
        if (_model.MergeRunPeers(_runPeers()))
        {
            Redraw();
        }

        _table.SetFocus();
        _loop.Start();
        _loop.Wake();
    }

    /// <summary>Stops the refreshes when the UI closes (the composition root stops sharing this machine).</summary>
    public void Dispose()
    {
        _closing.Cancel();
        _loop?.Dispose();
        _closing.Dispose();
    }

    /// <summary>Runs on the probe loop's thread: asks the cluster, then shows the answer on the UI thread.</summary>
    private async Task ProbeAsync(CancellationToken cancellationToken)
    {
        var result = await _model!.ProbeAsync(cancellationToken);
        _ui.Post(() =>
        {
            if (_model.Apply(result))
            {
                Redraw();
            }

            // Said once, not every 2 s, so it does not hide the answer to the user's last action.
            if (result.Error != _lastProbeError && result.Error is not null)
            {
                _message(result.Error);
            }

            _lastProbeError = result.Error;
        });
    }

    /// <summary>An action on the cluster, off the UI thread; its one-line answer goes to the message line.</summary>
    private void Act(string starting, Func<CancellationToken, Task<string>> action)
    {
        if (starting.Length > 0)
        {
            _message(starting);
        }

        _ = Task.Run(async () =>
        {
            var answer = await action(_closing.Token);
            _ui.Post(() =>
            {
                _message(answer);
                _share.Text = _model!.ShareLine();
            });
            _loop!.Wake();
        });
    }

    private PeerStatus? Selected() => _table.Value?.SelectedCell.Y is int y && y >= 0 && y < _shown.Count ? _shown[y] : null;

    private void Redraw()
    {
        // Keep the cursor on the same peer across refreshes: F7 and F8 act on the peer under it.
        var current = Selected()?.Address;
        _shown = _model!.Peers;
        var columns = new Dictionary<string, Func<PeerStatus, object>>();
        for (var i = 0; i < PeerText.Columns.Length; i++)
        {
            var index = i;
            columns[PeerText.Columns[i]] = p => PeerText.Cells(p)[index];
        }

        _table.Table = new EnumerableTableSource<PeerStatus>(_shown, columns);
        var row = current is null ? -1 : _shown.ToList().FindIndex(p => p.Address == current);
        if (row >= 0)
        {
            _table.SetSelection(0, row, false, null);
        }

        _table.Update();
        _detail.Text = PeerText.Detail(Selected());
    }
}
