using System.Diagnostics;
using System.Net.Http;
using System.Net.Security;
using System.Security.Cryptography.X509Certificates;
using Grpc.Core;
using Grpc.Core.Interceptors;
using Grpc.Net.Client;
using Workbench.Contracts;
using Workbench.Transport.Protocol;
using Workbench.Transport.Security;

namespace Workbench.Transport.Client;

/// <summary>One peer as a client sees it: a signed gRPC channel, what the peer last said about itself, and the
/// measured round trip.</summary>
/// <remarks>HTTP/2 keep-alive pings (every <see cref="PingDelay"/>, answered within <see cref="PingTimeout"/>) are
/// the liveness check while calls are running: a peer that is stopped (SIGSTOP) or cut off the network fails
/// its calls within about 3 s, however long the evaluation itself would take.</remarks>
public sealed class PeerConnection : IDisposable
{
    public static readonly TimeSpan PingDelay = TimeSpan.FromSeconds(1);
    public static readonly TimeSpan PingTimeout = TimeSpan.FromSeconds(2);
    public static readonly TimeSpan ProbeTimeout = TimeSpan.FromSeconds(5);

    /// <summary>The HTTP/2 receive window of each stream, both ends: bulk values (bands, fields, shipped plugins)
    /// flow without waiting for a window update every few hundred kilobytes. Windows are credit, not buffers
    /// allocated up front.</summary>
    public const int ReceiveWindowBytes = 8 * 1024 * 1024;

    private readonly GrpcChannel _channel;

    public PeerConnection(PeerAddress address, ClusterCredentials credentials)
    {
        Address = address;
        var handler = new SocketsHttpHandler
        {
            PooledConnectionIdleTimeout = Timeout.InfiniteTimeSpan,
            KeepAlivePingDelay = PingDelay,
            KeepAlivePingTimeout = PingTimeout,
            KeepAlivePingPolicy = HttpKeepAlivePingPolicy.WithActiveRequests,
            EnableMultipleHttp2Connections = true,
            ConnectTimeout = ProbeTimeout,
            InitialHttp2StreamWindowSize = ReceiveWindowBytes,
        };
        if (credentials.TrustedCertificate is { } ca)
        {
            handler.SslOptions = new SslClientAuthenticationOptions { RemoteCertificateValidationCallback = TrustOnly(ca) };
        }

        _channel = GrpcChannel.ForAddress(address.Uri, new GrpcChannelOptions
        {
            HttpHandler = handler,
            MaxReceiveMessageSize = 256 * 1024 * 1024,
            MaxSendMessageSize = 256 * 1024 * 1024,
        });
        var signer = credentials.Key is null ? null : new MessageSigner(credentials.Key);
        Client = new Protocol.Peer.PeerClient(_channel.Intercept(new SigningClientInterceptor(signer, credentials.Session)));
    }

    public PeerAddress Address { get; }

    /// <summary>The peer's own name once it answered, else its address.</summary>
    public string Name => Info?.Name is { Length: > 0 } name ? name : Address.ToString();

    public PeerInfo? Info { get; private set; }

    public TimeSpan? RoundTrip { get; private set; }

    internal Protocol.Peer.PeerClient Client { get; }

    /// <summary>Asks the peer who it is and measures the round trip.</summary>
    /// <exception cref="PeerUnavailableException">The peer did not answer, refused the key, or has another contract.</exception>
    public async Task<PeerInfo> HelloAsync(CancellationToken cancellationToken, TimeSpan? timeout = null)
    {
        var started = Stopwatch.GetTimestamp();
        var info = await Call(c => c.HelloAsync(new HelloRequest { Client = Environment.MachineName, ContractVersion = WorkbenchContract.Version },
            deadline: DateTime.UtcNow + (timeout ?? ProbeTimeout), cancellationToken: cancellationToken).ResponseAsync, cancellationToken).ConfigureAwait(false);
        RoundTrip = Stopwatch.GetElapsedTime(started);
        if (info.ContractVersion != WorkbenchContract.Version)
        {
            throw new PeerUnavailableException(this, $"contract version mismatch: this client has contract {WorkbenchContract.Version}, peer {info.Name} has contract {info.ContractVersion}", permanent: true);
        }

        Info = info;
        return info;
    }

    /// <summary>The round trip of a signed empty call: the best of a few, after the connection is set up (the first
    /// call pays for TCP, HTTP/2 and JIT, which says nothing about the peer).</summary>
    public async Task<TimeSpan> MeasureRoundTripAsync(CancellationToken cancellationToken, int calls = 5)
    {
        var best = TimeSpan.MaxValue;
        for (var i = 0; i < calls; i++)
        {
            var started = Stopwatch.GetTimestamp();
            await Call(c => c.PingAsync(new PingRequest(), deadline: DateTime.UtcNow + ProbeTimeout, cancellationToken: cancellationToken).ResponseAsync, cancellationToken).ConfigureAwait(false);
            var elapsed = Stopwatch.GetElapsedTime(started);
            best = elapsed < best ? elapsed : best;
        }

        RoundTrip = best;
        return best;
    }

    public async Task<PeerInfo> SetSlotsAsync(int cpuSlots, CancellationToken cancellationToken)
    {
        Info = await Call(c => c.SetSlotsAsync(new SetSlotsRequest { CpuSlots = cpuSlots }, deadline: DateTime.UtcNow + ProbeTimeout, cancellationToken: cancellationToken).ResponseAsync, cancellationToken).ConfigureAwait(false);
        return Info;
    }

    /// <summary>Runs one call, turning transport failures into <see cref="PeerUnavailableException"/> (the work goes
    /// elsewhere) and leaving a cancellation by the caller as it is.</summary>
    internal async Task<T> Call<T>(Func<Protocol.Peer.PeerClient, Task<T>> call, CancellationToken cancellationToken)
    {
        try
        {
            return await call(Client).ConfigureAwait(false);
        }
        catch (RpcException e) when (!cancellationToken.IsCancellationRequested && IsLoss(e.StatusCode))
        {
            throw new PeerUnavailableException(this, Describe(e), permanent: e.StatusCode is StatusCode.Unauthenticated or StatusCode.PermissionDenied);
        }
        catch (HttpRequestException e) when (!cancellationToken.IsCancellationRequested)
        {
            throw new PeerUnavailableException(this, e.Message, permanent: false);
        }
    }

    public void Dispose() => _channel.Dispose();

    private static bool IsLoss(StatusCode code) => code is StatusCode.Unavailable or StatusCode.DeadlineExceeded or StatusCode.Internal
        or StatusCode.Unknown or StatusCode.Cancelled or StatusCode.ResourceExhausted or StatusCode.Unauthenticated or StatusCode.PermissionDenied;

    /// <summary>Why a call failed, in one line: the transport's own words for a broken connection.</summary>
    internal static string Describe(RpcException e) => e.StatusCode switch
    {
        StatusCode.DeadlineExceeded => "no answer in time",
        StatusCode.Unauthenticated => "refused the request: " + e.Status.Detail,
        StatusCode.Unavailable or StatusCode.Internal or StatusCode.Unknown when e.Status.DebugException is { } cause => "unreachable: " + OneLine(Innermost(cause).Message),
        _ => e.Status.Detail is { Length: > 0 } detail ? OneLine(detail) : e.StatusCode.ToString(),
    };

    /// <summary>The transport's own words ("Connection refused"), not the layers of wrapping around them.</summary>
    private static Exception Innermost(Exception e) => e.InnerException is { } inner ? Innermost(inner) : e;

    internal static string OneLine(string text) => string.Join(' ', text.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));

    private static RemoteCertificateValidationCallback TrustOnly(string caPath)
    {
        var ca = ClusterCredentials.LoadAuthority(caPath);
        return (_, certificate, _, errors) =>
        {
            if (errors == SslPolicyErrors.None)
            {
                return true;
            }

            if (certificate is null)
            {
                return false;
            }

            using var chain = new X509Chain();
            chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
            chain.ChainPolicy.CustomTrustStore.Add(ca);
            chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
            return chain.Build(new X509Certificate2(certificate));
        };
    }
}

/// <summary>A peer cannot take work now: it did not answer, went away, or refused this client (wrong key, other
/// contract). <see cref="Permanent"/> refusals are not retried by probing.</summary>
public sealed class PeerUnavailableException(PeerConnection peer, string reason, bool permanent)
    : Exception($"peer {peer.Name} ({peer.Address}): {reason}")
{
    public PeerConnection Peer { get; } = peer;

    public string Reason { get; } = reason;

    public bool Permanent { get; } = permanent;
}
