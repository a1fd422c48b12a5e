using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Console;
using Workbench.Engine.Specs;
using Workbench.Transport.Client;
using Workbench.Transport.Security;

namespace Workbench.Peer;

/// <summary>A peer: Kestrel serving the peer protocol over HTTP/2 (cleartext, or TLS when given a certificate).</summary>
/// <remarks>SIGTERM (or <see cref="StopAsync"/>) drains: new work is refused at once, chunks already running finish,
/// and the process is gone within <see cref="PeerOptions.DrainTimeout"/>.</remarks>
public sealed class PeerServer : IAsyncDisposable
{
    /// <summary>Large enough for a plugin folder shipped in one message, or a big batch of points.</summary>
    public const int MaxMessageBytes = 256 * 1024 * 1024;

    private readonly WebApplication _app;

    private PeerServer(WebApplication app)
    {
        _app = app;
    }

    /// <summary>The port listened on (the one chosen by the system when the options said 0).</summary>
    public int Port { get; private set; }

    public static PeerServer Create(PeerOptions options, IPluginShelf shelf, LogLevel logLevel = LogLevel.Information)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.Logging.SetMinimumLevel(logLevel);
        builder.Logging.AddFilter("Microsoft", LogLevel.Warning).AddFilter("Grpc", LogLevel.Warning);
        builder.Logging.AddSimpleConsole(o =>
        {
            o.SingleLine = true;
            o.TimestampFormat = "yyyy-MM-dd HH:mm:ss ";
            o.ColorBehavior = LoggerColorBehavior.Disabled;
        });
        builder.Services.Configure<ConsoleLoggerOptions>(o => o.LogToStandardErrorThreshold = LogLevel.Trace);
        builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = options.DrainTimeout);
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.Limits.MaxRequestBodySize = MaxMessageBytes;
            // HTTP/2 flow-control windows sized for bulk streams (a heat band or field is 16-32 MB): with the
            // defaults (1 MB per connection, 768 KB per stream) a large message stalls for a window update every
            // few hundred kilobytes, which on a loaded machine costs more than the copy itself.
            kestrel.Limits.Http2.InitialConnectionWindowSize = PeerConnection.ReceiveWindowBytes * 2;
            kestrel.Limits.Http2.InitialStreamWindowSize = PeerConnection.ReceiveWindowBytes;
            kestrel.Listen(options.Address, options.Port, listen =>
            {
                listen.Protocols = HttpProtocols.Http2;
                if (options.TlsCertificate is not null)
                {
                    listen.UseHttps(X509Certificate2.CreateFromPemFile(options.TlsCertificate, options.TlsKey));
                }
            });
        });
        builder.Services.AddSingleton(options);
        builder.Services.AddSingleton(shelf);
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<PeerState>();
        builder.Services.AddSingleton(new FunctionShelf(shelf.CacheDirectory));
        builder.Services.AddSingleton<ProblemPool>();
        builder.Services.AddSingleton<IslandShelf>();
        builder.Services.AddGrpc(grpc =>
        {
            grpc.MaxReceiveMessageSize = MaxMessageBytes;
            grpc.MaxSendMessageSize = MaxMessageBytes;
            grpc.EnableDetailedErrors = false;
            if (options.Key is not null)
            {
                grpc.Interceptors.Add<SigningServerInterceptor>();
            }
        });
        if (options.Key is not null)
        {
            builder.Services.AddSingleton(new MessageSigner(options.Key));
            builder.Services.AddSingleton<NonceCache>();
            // Registered in DI, the interceptor is one shared instance; otherwise gRPC would build one per call.
            builder.Services.AddSingleton<SigningServerInterceptor>();
        }

        var app = builder.Build();
        app.MapGrpcService<PeerService>();
        var state = app.Services.GetRequiredService<PeerState>();
        app.Lifetime.ApplicationStopping.Register(state.StartDraining);
        ThreadPool.GetMinThreads(out var workers, out var io);
        ThreadPool.SetMinThreads(Math.Max(workers, options.CpuSlots + 8), io);
        return new PeerServer(app);
    }

    /// <exception cref="IOException">The address cannot be listened on (in use, not this machine's).</exception>
    public async Task StartAsync(CancellationToken cancellationToken = default)
    {
        try
        {
            await _app.StartAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is IOException or InvalidOperationException or System.Net.Sockets.SocketException)
        {
            throw new IOException(e.InnerException?.Message ?? e.Message, e);
        }

        var address = _app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        Port = new Uri(address).Port;
    }

    /// <summary>Completes when the host stops (SIGTERM, SIGINT or <see cref="StopAsync"/>).</summary>
    public Task WaitForShutdownAsync(CancellationToken cancellationToken = default) => _app.WaitForShutdownAsync(cancellationToken);

    public Task StopAsync() => _app.StopAsync();

    public async ValueTask DisposeAsync() => await _app.DisposeAsync().ConfigureAwait(false);
}
