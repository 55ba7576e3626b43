using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;

namespace Mage.Testing;

/// <summary>
/// A real HTTP receiver on loopback (HttpListener) standing in for a user's webhook endpoint: it
/// records every request and answers with what <see cref="Respond"/> says. Thread-safe.
/// </summary>
public sealed class WebhookReceiver : IAsyncDisposable
{
    private readonly HttpListener _listener = new();
    private readonly ConcurrentQueue<ReceivedWebhook> _received = new();
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;

    private WebhookReceiver(int port)
    {
        Url = $"http://127.0.0.1:{port}/hooks";
        _listener.Prefixes.Add($"http://127.0.0.1:{port}/");
        _listener.Start();
        _loop = Task.Run(LoopAsync);
    }

    /// <summary>The url to subscribe.</summary>
    public string Url { get; }

    /// <summary>
    /// Decides the answer to a request (its number, from 1, and what arrived): status code and
    /// extra headers. It may wait (a hanging receiver). Default: 204.
    /// </summary>
    public Func<int, ReceivedWebhook, CancellationToken, Task<(int Status, IReadOnlyDictionary<string, string>? Headers)>> Respond { get; set; } =
        (_, _, _) => Task.FromResult<(int, IReadOnlyDictionary<string, string>?)>((204, null));

    /// <summary>Every request so far, in arrival order.</summary>
    public IReadOnlyList<ReceivedWebhook> Received => [.. _received];

    /// <summary>Starts a receiver on a free loopback port.</summary>
    public static WebhookReceiver Start()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        var port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        return new WebhookReceiver(port);
    }

    /// <summary>Waits until at least <paramref name="count"/> requests arrived; fails after <paramref name="timeout"/> (default 30 s).</summary>
    public async Task<IReadOnlyList<ReceivedWebhook>> WaitForAsync(int count, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(30));
        while (_received.Count < count)
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"The receiver got {_received.Count} requests, expected {count}.");
            }

            await Task.Delay(20);
        }

        return Received;
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        _listener.Close();
        try
        {
            await _loop;
        }
        catch (Exception ex) when (ex is HttpListenerException or ObjectDisposedException or OperationCanceledException)
        {
            // Stopping the listener ends the loop with one of these.
        }

        _stop.Dispose();
    }

    private async Task LoopAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            var context = await _listener.GetContextAsync();
            _ = Task.Run(() => HandleAsync(context));
        }
    }

    private async Task HandleAsync(HttpListenerContext context)
    {
        try
        {
            using var body = new MemoryStream();
            await context.Request.InputStream.CopyToAsync(body);
            var headers = context.Request.Headers.AllKeys.Where(k => k is not null)
                .ToDictionary(k => k!.ToLowerInvariant(), k => context.Request.Headers[k] ?? "", StringComparer.Ordinal);
            var received = new ReceivedWebhook(DateTimeOffset.UtcNow, context.Request.HttpMethod, context.Request.Url?.PathAndQuery ?? "", headers, body.ToArray());
            _received.Enqueue(received);
            var (status, extra) = await Respond(_received.Count, received, _stop.Token);
            context.Response.StatusCode = status;
            foreach (var (name, value) in extra ?? new Dictionary<string, string>())
            {
                context.Response.Headers[name] = value;
            }

            context.Response.Close();
        }
        catch (Exception ex) when (ex is HttpListenerException or ObjectDisposedException or OperationCanceledException or InvalidOperationException)
        {
            // The sender gave up (timeout) or the receiver is stopping.
        }
    }
}
