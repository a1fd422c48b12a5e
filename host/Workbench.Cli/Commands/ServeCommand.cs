using System.CommandLine;
using System.Globalization;
using System.Net;
using Workbench.Cli.Composition;
using Workbench.Peer;
using Workbench.Plugins;
using Workbench.Transport;
using Workbench.Transport.Security;

namespace Workbench.Cli.Commands;

/// <summary><c>wb serve</c>: this machine becomes a peer that shares CPU slots with the cluster.</summary>
internal static class ServeCommand
{
    public static Command Create()
    {
        var listen = new Option<string?>("--listen") { Description = $"ADDR:PORT to listen on (default 0.0.0.0:{ProtocolHeaders.DefaultPort}; 127.0.0.1:{ProtocolHeaders.DefaultPort} with --insecure)" };
        var cpus = new Option<int?>("--cpus") { Description = "CPU slots shared (default: cores - 1, at least 1; more than cores is allowed for jobs that mostly wait)" };
        var gpus = new Option<int>("--gpus") { Description = "GPU slots shared (reported to clients)" };
        var name = new Option<string?>("--name") { Description = "Name shown to clients (default: the host name)" };
        var noShipping = new Option<bool>("--no-code-shipping") { Description = "Use only this machine's own plugins; refuse plugin folders sent by clients" };
        var tlsCert = new Option<string?>("--tls-cert") { Description = "PEM certificate: serve over TLS (clients use https:// addresses)" };
        var tlsKey = new Option<string?>("--tls-key") { Description = "PEM private key of --tls-cert" };
        var cache = new Option<string?>("--cache") { Description = "Where shipped plugin folders are kept (default $XDG_DATA_HOME/workbench/peer-plugins)" };
        // For a worker started by another wb (`wb run --isolation process`): its parent holds our stdin, so the pipe
        // closing means the parent is gone, even when it was killed with SIGKILL and could not stop us.
        var exitWithStdin = new Option<bool>("--exit-with-stdin") { Hidden = true };
        var command = new Command("serve", "Share this machine's CPU slots with the cluster (a peer): evaluations and map jobs from signed clients");
        foreach (var option in new Option[] { listen, cpus, gpus, name, noShipping, tlsCert, tlsKey, cache, exitWithStdin })
        {
            command.Options.Add(option);
        }

        command.SetAction(async (parse, cancellationToken) =>
        {
            var insecure = parse.GetValue(ClusterOptions.Insecure);
            var (address, port) = ParseListen(parse.GetValue(listen) ?? (insecure ? "127.0.0.1" : "0.0.0.0") + ":" + ProtocolHeaders.DefaultPort.ToString(CultureInfo.InvariantCulture));
            if (insecure && !IPAddress.IsLoopback(address))
            {
                throw new UsageException($"--insecure serves loopback only (127.0.0.1 or ::1), not {address}: without a key anyone who reaches the port could run code here");
            }

            var key = insecure ? null : LoadKey(parse);
            var slots = parse.GetValue(cpus) ?? Math.Max(1, Environment.ProcessorCount - 1);
            if (slots < 0 || parse.GetValue(gpus) < 0)
            {
                throw new UsageException("--cpus and --gpus must be at least 0");
            }

            if (slots > Environment.ProcessorCount)
            {
                Console.Error.WriteLine($"wb: warning: {slots} CPU slots on {Environment.ProcessorCount} cores: fine for jobs that mostly wait, slower for CPU-bound work");
            }

            if ((parse.GetValue(tlsCert) is null) != (parse.GetValue(tlsKey) is null))
            {
                throw new UsageException("--tls-cert and --tls-key go together");
            }

            using var host = WorkbenchHost.Open(parse, watch: true);
            using var shelf = new PluginShelf(host.Catalog, parse.GetValue(cache) ?? DefaultCache());
            var options = new PeerOptions
            {
                Name = parse.GetValue(name) ?? Environment.MachineName,
                Address = address,
                Port = port,
                CpuSlots = slots,
                GpuSlots = parse.GetValue(gpus),
                CodeShipping = !parse.GetValue(noShipping),
                Key = key,
                TlsCertificate = parse.GetValue(tlsCert),
                TlsKey = parse.GetValue(tlsKey),
            };
            await using var server = PeerServer.Create(options, shelf);
            try
            {
                await server.StartAsync(CancellationToken.None);
            }
            catch (IOException e)
            {
                throw new UsageException($"--listen {address}:{port}: {e.Message}");
            }

            var shown = address.AddressFamily == System.Net.Sockets.AddressFamily.InterNetworkV6 ? $"[{address}]" : address.ToString();
            Console.Out.WriteLine($"wb serve: {options.Name} listening on {shown}:{server.Port} ({slots} cpu slots, {options.GpuSlots} gpu slots, " +
                $"code shipping {(options.CodeShipping ? "on" : "off")}, {(key is null ? "INSECURE: no key, loopback only" : "requests signed with " + key.Path)})");
            Console.Out.Flush();
            using var parentGone = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            if (parse.GetValue(exitWithStdin))
            {
                _ = Task.Run(async () =>
                {
                    await Console.In.ReadToEndAsync(CancellationToken.None);
                    await parentGone.CancelAsync();
                }, CancellationToken.None);
            }

            try
            {
                await server.WaitForShutdownAsync(parentGone.Token);
            }
            catch (OperationCanceledException)
            {
            }

            await server.StopAsync();
            Console.Out.WriteLine($"wb serve: {options.Name} stopped");
            return ExitCodes.Ok;
        });
        return command;
    }

    private static ClusterKey LoadKey(ParseResult parse)
    {
        try
        {
            return ClusterKey.Load(ClusterKey.Locate(parse.GetValue(ClusterOptions.KeyFile)));
        }
        catch (KeyFileException e)
        {
            throw new UsageException($"{e.Message} (or serve on loopback without a key: --insecure)");
        }
    }

    private static (IPAddress Address, int Port) ParseListen(string text)
    {
        var colon = text.LastIndexOf(':');
        var host = colon < 0 ? text : text[..colon].Trim('[', ']');
        var portText = colon < 0 ? ProtocolHeaders.DefaultPort.ToString(CultureInfo.InvariantCulture) : text[(colon + 1)..];
        if (!int.TryParse(portText, NumberStyles.None, CultureInfo.InvariantCulture, out var port) || port > 65535)
        {
            throw new UsageException($"--listen '{text}' is invalid: expected ADDR:PORT, for example 0.0.0.0:{ProtocolHeaders.DefaultPort}");
        }

        var address = host == "localhost" ? IPAddress.Loopback : IPAddress.TryParse(host, out var parsed) ? parsed
            : throw new UsageException($"--listen '{text}' is invalid: ADDR must be an IP address (0.0.0.0 for every interface) or localhost");
        return (address, port);
    }

    private static string DefaultCache() => Path.Combine(Engine.DataHome.Directory, "peer-plugins");
}
