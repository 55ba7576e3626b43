using System.Net;
using System.Net.Sockets;

namespace Mage.Cli.Tests.Infrastructure;

/// <summary>
/// A real HTTP server on a loopback port answering fixed bodies per path, for what the real app
/// never sends (a proxy's HTML error, a hostile artifact listing), and for seeing the raw request.
/// </summary>
public sealed class LoopbackServer : IDisposable
{
    private readonly HttpListener _listener = new();
    private readonly Dictionary<string, (int Status, string ContentType, string Body)> _answers = new(StringComparer.Ordinal);
    private readonly List<(string Url, string? Key)> _requests = [];
    private readonly Task _serving;

    /// <summary>Starts serving on a free loopback port.</summary>
    public LoopbackServer()
    {
        Port = ClosedPort();
        _listener.Prefixes.Add($"http://127.0.0.1:{Port}/");
        _listener.Start();
        _serving = ServeAsync();
    }

    /// <summary>The port.</summary>
    public int Port { get; }

    /// <summary>The base address.</summary>
    public string Url => $"http://127.0.0.1:{Port}";

    /// <summary>Requests seen so far: raw URL and the x-functions-key header.</summary>
    public IReadOnlyList<(string Url, string? Key)> Requests
    {
        get
        {
            lock (_requests)
            {
                return [.. _requests];
            }
        }
    }

    /// <summary>Answers <paramref name="path"/> (path and query as sent) with a fixed body; anything else is 404.</summary>
    public LoopbackServer Answer(string path, int status, string contentType, string body)
    {
        _answers[path] = (status, contentType, body);
        return this;
    }

    /// <summary>A loopback port nothing listens on (bound, read, released).</summary>
    public static int ClosedPort()
    {
        using var socket = new TcpListener(IPAddress.Loopback, 0);
        socket.Start();
        var port = ((IPEndPoint)socket.LocalEndpoint).Port;
        socket.Stop();
        return port;
    }

    /// <inheritdoc />
    public void Dispose()
    {
        _listener.Close();
        _ = _serving.Exception;
    }

    private async Task ServeAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }

            var url = context.Request.RawUrl ?? "";
            lock (_requests)
            {
                _requests.Add((url, context.Request.Headers["x-functions-key"]));
            }

            var (status, contentType, body) = _answers.TryGetValue(url, out var answer) ? answer : (404, "text/plain", "no such path");
            context.Response.StatusCode = status;
            context.Response.ContentType = contentType;
            var bytes = System.Text.Encoding.UTF8.GetBytes(body);
            await context.Response.OutputStream.WriteAsync(bytes);
            context.Response.Close();
        }
    }
}
