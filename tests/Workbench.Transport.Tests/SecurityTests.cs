using Google.Protobuf;
using Grpc.Core;
using Grpc.Net.Client;
using Workbench.Contracts;
using Workbench.Transport.Client;
using Workbench.Transport.Protocol;
using Workbench.Transport.Security;
using Xunit;

namespace Workbench.Transport.Tests;

/// <summary>Requests crafted by hand against a real peer: only a fresh, correctly signed request is served.</summary>
[Trait("kind", "process")]
public sealed class SecurityTests : IAsyncLifetime
{
    private readonly ClusterKey _key = InProcessPeer.NewKey();
    private InProcessPeer _peer = null!;
    private GrpcChannel _channel = null!;
    private Protocol.Peer.PeerClient _raw = null!;

    public async Task InitializeAsync()
    {
        _peer = await InProcessPeer.StartAsync(_key);
        _channel = GrpcChannel.ForAddress(_peer.Address.Uri);
        _raw = new Protocol.Peer.PeerClient(_channel);
    }

    public async Task DisposeAsync()
    {
        _channel.Dispose();
        await _peer.DisposeAsync();
    }

    [Fact]
    public async Task A_signed_request_is_served_and_its_response_verifies()
    {
        using var connection = new PeerConnection(_peer.Address, new ClusterCredentials(_key));
        var info = await connection.HelloAsync(CancellationToken.None);
        Assert.Equal("test-peer", info.Name);
        Assert.Equal(WorkbenchContract.Version, info.ContractVersion);
        Assert.True(info.Secure);
    }

    [Fact]
    public async Task An_unsigned_request_is_refused()
    {
        var e = await Assert.ThrowsAsync<RpcException>(() => _raw.HelloAsync(new HelloRequest()).ResponseAsync);
        Assert.Equal(StatusCode.Unauthenticated, e.StatusCode);
    }

    [Fact]
    public async Task Unsigned_streaming_calls_are_refused()
    {
        using var islands = _raw.RunIsland(new IslandRequest { Key = "k", Generations = 1 });
        var e = await Assert.ThrowsAsync<RpcException>(() => islands.ResponseStream.MoveNext(CancellationToken.None));
        Assert.Equal(StatusCode.Unauthenticated, e.StatusCode);
        using var node = _raw.RunNode();
        e = await Assert.ThrowsAsync<RpcException>(() => node.ResponseStream.MoveNext(CancellationToken.None));
        Assert.Equal(StatusCode.Unauthenticated, e.StatusCode);
    }

    [Fact]
    public async Task A_streamed_message_without_its_signature_is_refused_after_a_signed_opening()
    {
        var signer = new MessageSigner(_key);
        var timestamp = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
        var nonce = MessageSigner.NewNonce();
        var headers = new Metadata
        {
            { MessageSigner.TimestampHeader, MessageSigner.Format(timestamp) },
            { MessageSigner.NonceHeader, nonce },
            { MessageSigner.MacHeader, signer.Sign(false, "/workbench.peer.v1.Peer/RunNode", timestamp, nonce, null, []) },
        };
        using var node = _raw.RunNode(headers);
        await node.RequestStream.WriteAsync(new NodeInput { Start = new NodeStart { Node = 0, NodeCount = 1 } });
        var e = await Assert.ThrowsAsync<RpcException>(() => node.ResponseStream.MoveNext(CancellationToken.None));
        Assert.Equal(StatusCode.Unauthenticated, e.StatusCode);
        Assert.Contains("streamed message is not signed", e.Status.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_request_signed_with_another_key_is_refused()
    {
        using var connection = new PeerConnection(_peer.Address, new ClusterCredentials(InProcessPeer.NewKey()));
        var e = await Assert.ThrowsAsync<PeerUnavailableException>(() => connection.HelloAsync(CancellationToken.None));
        Assert.True(e.Permanent);
        Assert.Contains("bad signature", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_tampered_message_is_refused()
    {
        var signed = new HelloRequest { Client = "honest" };
        var headers = Sign(signed, DateTimeOffset.UtcNow);
        var tampered = new HelloRequest { Client = "altered" };
        await AssertRefused(tampered, headers, "bad signature");
    }

    [Theory]
    [InlineData(-61)]
    [InlineData(61)]
    public async Task A_timestamp_more_than_a_minute_off_is_refused(int seconds)
    {
        var request = new HelloRequest { Client = "late" };
        await AssertRefused(request, Sign(request, DateTimeOffset.UtcNow.AddSeconds(seconds)), "stale timestamp");
    }

    [Fact]
    public async Task A_replayed_request_is_refused()
    {
        var request = new HelloRequest { Client = "once" };
        var headers = Sign(request, DateTimeOffset.UtcNow);
        var first = await _raw.HelloAsync(request, headers).ResponseAsync;
        Assert.Equal("test-peer", first.Name);
        await AssertRefused(request, headers, "replayed");
    }

    [Fact]
    public async Task Work_from_another_contract_version_is_refused_naming_both()
    {
        var request = new HelloRequest();
        var headers = Sign(request, DateTimeOffset.UtcNow);
        headers.Add(ProtocolHeaders.Contract, "1");
        var e = await Assert.ThrowsAsync<RpcException>(() => _raw.HelloAsync(request, headers).ResponseAsync);
        Assert.Equal(StatusCode.FailedPrecondition, e.StatusCode);
        Assert.Contains("client has contract 1", e.Status.Detail, StringComparison.Ordinal);
        Assert.Contains($"has contract {WorkbenchContract.Version}", e.Status.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Shipped_bytes_whose_hash_does_not_match_are_refused_and_nothing_is_kept()
    {
        using var connection = new PeerConnection(_peer.Address, new ClusterCredentials(_key));
        var request = new InstallPluginRequest { FolderName = "Evil", FolderSha256 = new string('a', 64) };
        request.Files.Add(new PluginFile { Path = "Evil.dll", Content = ByteString.CopyFromUtf8("not the announced bytes") });
        var e = await Assert.ThrowsAsync<RpcException>(() => connection.Client.InstallPluginAsync(request).ResponseAsync);
        Assert.Equal(StatusCode.InvalidArgument, e.StatusCode);
        Assert.Contains("not the announced", e.Status.Detail, StringComparison.Ordinal);
        Assert.Empty(Directory.EnumerateFileSystemEntries(_peer.Cache));
    }

    [Fact]
    public async Task An_unsafe_shipped_path_is_refused()
    {
        using var connection = new PeerConnection(_peer.Address, new ClusterCredentials(_key));
        var files = new[] { ("../escape.dll", (ReadOnlyMemory<byte>)new byte[] { 1 }) };
        var request = new InstallPluginRequest { FolderName = "Evil", FolderSha256 = Engine.Specs.PluginFolderHash.Of(files) };
        request.Files.Add(new PluginFile { Path = "../escape.dll", Content = ByteString.CopyFrom(1) });
        var e = await Assert.ThrowsAsync<RpcException>(() => connection.Client.InstallPluginAsync(request).ResponseAsync);
        Assert.Equal(StatusCode.InvalidArgument, e.StatusCode);
        Assert.False(File.Exists(Path.Combine(Path.GetDirectoryName(_peer.Cache)!, "escape.dll")));
    }

    [Fact]
    public async Task A_client_refuses_an_unsigned_response_from_an_insecure_peer()
    {
        await using var insecure = await InProcessPeer.StartAsync(key: null);
        using var connection = new PeerConnection(insecure.Address, new ClusterCredentials(_key));
        var e = await Assert.ThrowsAsync<PeerUnavailableException>(() => connection.HelloAsync(CancellationToken.None));
        Assert.Contains("not signed", e.Message, StringComparison.Ordinal);
    }

    private Metadata Sign(IMessage request, DateTimeOffset at)
    {
        var signer = new MessageSigner(_key);
        var timestamp = at.ToUnixTimeMilliseconds();
        var nonce = MessageSigner.NewNonce();
        return new Metadata
        {
            { MessageSigner.TimestampHeader, MessageSigner.Format(timestamp) },
            { MessageSigner.NonceHeader, nonce },
            { MessageSigner.MacHeader, signer.Sign(false, "/workbench.peer.v1.Peer/Hello", timestamp, nonce, null, request.ToByteArray()) },
        };
    }

    private async Task AssertRefused(HelloRequest request, Metadata headers, string reason)
    {
        var e = await Assert.ThrowsAsync<RpcException>(() => _raw.HelloAsync(request, headers).ResponseAsync);
        Assert.Equal(StatusCode.Unauthenticated, e.StatusCode);
        Assert.Contains(reason, e.Status.Detail, StringComparison.Ordinal);
    }
}
