using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;

namespace Mage.Webhooks;

/// <summary>
/// Sends one signed attempt: POST of the exact stored body with the Standard Webhooks headers,
/// redirects not followed, no proxy (a proxy would connect on our behalf, past the address
/// check), connections only to addresses <see cref="WebhookTargetGuard"/> accepts, and the whole
/// attempt bounded by <see cref="WebhookOptions.AttemptTimeout"/>. Never throws for the receiver's
/// failures: they come back as a result. Thread-safe singleton (owns one pooled client).
/// </summary>
public sealed class WebhookSender : IDisposable
{
    /// <summary>User-Agent of every attempt.</summary>
    public const string UserAgent = "Mage-Webhooks/1";

    private readonly HttpClient _client;
    private readonly WebhookOptions _options;
    private readonly TimeProvider _time;

    /// <summary>Creates the sender and its connection pool.</summary>
    public WebhookSender(WebhookOptions options, WebhookTargetGuard guard, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(guard);
        _options = options;
        _time = time;
        var handler = new SocketsHttpHandler
        {
            AllowAutoRedirect = false,
            UseProxy = false,
            UseCookies = false,
            ConnectCallback = guard.ConnectAsync,
            ConnectTimeout = options.AttemptTimeout,
            PooledConnectionLifetime = TimeSpan.FromMinutes(2),
        };
        _client = new HttpClient(handler) { Timeout = Timeout.InfiniteTimeSpan };
    }

    /// <summary>Posts <paramref name="body"/> to <paramref name="url"/>, signed with <paramref name="secret"/> for this attempt's time.</summary>
    public async Task<WebhookAttemptResult> SendAsync(string url, string secret, string webhookId, byte[] body, CancellationToken cancellationToken)
    {
        var timestamp = _time.GetUtcNow().ToUnixTimeSeconds();
        using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        request.Headers.TryAddWithoutValidation("webhook-id", webhookId);
        request.Headers.TryAddWithoutValidation("webhook-timestamp", timestamp.ToString(CultureInfo.InvariantCulture));
        request.Headers.TryAddWithoutValidation("webhook-signature", WebhookSigner.Sign(secret, webhookId, timestamp, body));
        request.Headers.UserAgent.ParseAdd(UserAgent);

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(_options.AttemptTimeout);
        var started = Stopwatch.GetTimestamp();
        try
        {
            using var response = await _client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token).ConfigureAwait(false);
            var status = (int)response.StatusCode;
            var elapsed = Stopwatch.GetElapsedTime(started);
            return status switch
            {
                >= 200 and < 300 => new(status, elapsed, null, null),
                >= 300 and < 400 => new(status, elapsed, $"The receiver answered {status} (a redirect); redirects are not followed, so update the webhook's url to the final address.", null),
                429 or 503 => new(status, elapsed, $"The receiver answered {status} {response.ReasonPhrase}.", RetryAfterOf(response)),
                _ => new(status, elapsed, $"The receiver answered {status} {response.ReasonPhrase}.", null),
            };
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return new(null, Stopwatch.GetElapsedTime(started), $"No answer within {_options.AttemptTimeout.TotalSeconds:0} s.", null);
        }
        catch (HttpRequestException ex)
        {
            var refused = FindRefusal(ex);
            return new(null, Stopwatch.GetElapsedTime(started), refused?.Message ?? $"The request failed: {ex.Message}", null);
        }
    }

    /// <inheritdoc />
    public void Dispose() => _client.Dispose();

    private TimeSpan? RetryAfterOf(HttpResponseMessage response) => response.Headers.RetryAfter switch
    {
        { Delta: { } delta } => delta,
        { Date: { } date } => date - _time.GetUtcNow() is var wait && wait > TimeSpan.Zero ? wait : TimeSpan.Zero,
        _ => null,
    };

    private static WebhookTargetRefusedException? FindRefusal(Exception? ex)
    {
        for (; ex is not null; ex = ex.InnerException)
        {
            if (ex is WebhookTargetRefusedException refused)
            {
                return refused;
            }
        }

        return null;
    }
}
