using System.Net;
using System.Net.Sockets;

namespace Mage.Storage.Tests.Retries;

/// <summary>
/// A TCP proxy to a target port that misbehaves on purpose for the first connections: it drops them
/// (close without answering) or stalls them (accept, never answer). Later connections are forwarded.
/// </summary>
internal sealed class LoopbackProxy : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource _stop = new();
    private readonly int _targetPort;
    private readonly int _dropFirst;
    private readonly int _stallFirst;
    private int _connections;

    public LoopbackProxy(int targetPort, int dropFirst = 0, int stallFirst = 0)
    {
        _targetPort = targetPort;
        _dropFirst = dropFirst;
        _stallFirst = stallFirst;
        _listener.Start();
        _ = AcceptLoopAsync();
    }

    public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

    public int Connections => Volatile.Read(ref _connections);

    public static int FreePort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        int port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    private async Task AcceptLoopAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await _listener.AcceptTcpClientAsync(_stop.Token);
            }
            catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException)
            {
                return;
            }
            int n = Interlocked.Increment(ref _connections);
            _ = HandleAsync(client, n);
        }
    }

    private async Task HandleAsync(TcpClient client, int n)
    {
        using (client)
        {
            try
            {
                if (n <= _dropFirst)
                {
                    // Read part of the request so the client has sent it, then hang up with a reset.
                    _ = await client.GetStream().ReadAsync(new byte[1024], _stop.Token);
                    client.Client.LingerState = new LingerOption(true, 0);
                    return;
                }
                if (n <= _dropFirst + _stallFirst)
                {
                    await Task.Delay(Timeout.Infinite, _stop.Token);
                    return;
                }
                using var upstream = new TcpClient();
                await upstream.ConnectAsync(IPAddress.Loopback, _targetPort, _stop.Token);
                NetworkStream a = client.GetStream();
                NetworkStream b = upstream.GetStream();
                await Task.WhenAny(a.CopyToAsync(b, _stop.Token), b.CopyToAsync(a, _stop.Token));
            }
            catch (Exception e) when (e is OperationCanceledException or IOException or SocketException or ObjectDisposedException)
            {
                // Connection ended; nothing to report.
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        _stop.Dispose();
    }
}
