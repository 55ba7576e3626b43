using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text.Json;

namespace Mage.Cli.Api;

/// <summary>
/// The HTTP API of one Mage deployment as the CLI uses it. Every failure surfaces as one of two
/// exceptions: <see cref="MageApiException"/> (the service answered with an error) or
/// <see cref="MageUnreachableException"/> (no answer). The key travels only in the
/// <c>x-functions-key</c> header, never in a URL, so no message built from a URL can leak it.
/// </summary>
/// <remarks>Thread-safe for concurrent requests (a followed build reads several logs at once).</remarks>
internal sealed class MageClient : IDisposable
{
    /// <summary>The local address of <c>dotnet run --project functions/Mage.Functions</c>.</summary>
    public const string DefaultUrl = "http://127.0.0.1:7071";

    /// <summary>Limit for one ordinary request; streams (followed logs, downloads) have none.</summary>
    public static readonly TimeSpan RequestTimeout = TimeSpan.FromSeconds(100);

    private readonly HttpClient _http;

    /// <summary>Creates a client; the handler is owned and disposed by it.</summary>
    public MageClient(Uri baseUrl, string? key, HttpMessageHandler handler)
    {
        BaseUrl = baseUrl;
        HasKey = !string.IsNullOrEmpty(key);
        _http = new HttpClient(handler, disposeHandler: true) { BaseAddress = baseUrl, Timeout = Timeout.InfiniteTimeSpan };
        if (HasKey)
        {
            _http.DefaultRequestHeaders.Add("x-functions-key", key);
        }

        _http.DefaultRequestHeaders.UserAgent.Add(new ProductInfoHeaderValue("mage-cli", typeof(MageClient).Assembly.GetName().Version?.ToString(3) ?? "0"));
    }

    /// <summary>The deployment's root (ends with '/'; the API lives under <c>api/</c>).</summary>
    public Uri BaseUrl { get; }

    /// <summary>True when a key is sent.</summary>
    public bool HasKey { get; }

    /// <summary>Reads <paramref name="url"/> as given by a user (<c>--url</c>, <c>MAGE_URL</c>): absolute http(s), with or without a trailing <c>/api</c>.</summary>
    public static bool TryParseBaseUrl(string url, out Uri baseUrl)
    {
        baseUrl = null!;
        if (!Uri.TryCreate(url.Trim(), UriKind.Absolute, out var parsed) || (parsed.Scheme != Uri.UriSchemeHttp && parsed.Scheme != Uri.UriSchemeHttps)
            || !string.IsNullOrEmpty(parsed.Query) || !string.IsNullOrEmpty(parsed.UserInfo))
        {
            return false;
        }

        var path = parsed.AbsolutePath.TrimEnd('/');
        if (path.EndsWith("/api", StringComparison.Ordinal))
        {
            path = path[..^"/api".Length];
        }

        baseUrl = new UriBuilder(parsed) { Path = path + "/", Fragment = string.Empty }.Uri;
        return true;
    }

    /// <summary>Escapes one path segment (a service, build id or job name).</summary>
    public static string Segment(string value) => Uri.EscapeDataString(value);

    /// <summary>GET a JSON body.</summary>
    public Task<ApiResult<T>> GetAsync<T>(string path, CancellationToken cancellationToken) =>
        SendAsync<T>(new HttpRequestMessage(HttpMethod.Get, Resolve(path)), cancellationToken);

    /// <summary>Sends <paramref name="body"/> as JSON (or nothing when null) and reads a JSON answer.</summary>
    public Task<ApiResult<T>> SendJsonAsync<T>(HttpMethod method, string path, object? body, CancellationToken cancellationToken, Action<HttpRequestMessage>? configure = null)
    {
        var request = new HttpRequestMessage(method, Resolve(path)) { Content = body is null ? null : JsonContent.Create(body, options: MageJson.Options) };
        configure?.Invoke(request);
        return SendAsync<T>(request, cancellationToken);
    }

    /// <summary>Sends raw content (a YAML or JSON document) and reads a JSON answer.</summary>
    public Task<ApiResult<T>> SendContentAsync<T>(HttpMethod method, string path, HttpContent content, CancellationToken cancellationToken) =>
        SendAsync<T>(new HttpRequestMessage(method, Resolve(path)) { Content = content }, cancellationToken);

    /// <summary>GET a body of any media type as text, with its headers.</summary>
    public async Task<ApiText> GetTextAsync(string path, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, Resolve(path));
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(RequestTimeout);
        using var response = await SendCoreAsync(request, HttpCompletionOption.ResponseContentRead, timeout.Token, cancellationToken);
        await ThrowIfErrorAsync(response, cancellationToken);
        var headers = response.Headers.Concat(response.Content.Headers)
            .ToDictionary(h => h.Key, h => string.Join(", ", h.Value), StringComparer.OrdinalIgnoreCase);
        return new ApiText(await response.Content.ReadAsStringAsync(cancellationToken), response.Content.Headers.ContentType?.MediaType, headers);
    }

    /// <summary>
    /// GET as a stream (a log, an artifact), without a time limit: the caller reads it to its
    /// end and disposes the response. Error answers throw as usual.
    /// </summary>
    public async Task<HttpResponseMessage> OpenStreamAsync(string path, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, Resolve(path));
        var response = await SendCoreAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken, cancellationToken);
        await ThrowIfErrorAsync(response, cancellationToken);
        return response;
    }

    /// <inheritdoc />
    public void Dispose() => _http.Dispose();

    private async Task<ApiResult<T>> SendAsync<T>(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        using var owned = request;
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(RequestTimeout);
        using var response = await SendCoreAsync(request, HttpCompletionOption.ResponseContentRead, timeout.Token, cancellationToken);
        await ThrowIfErrorAsync(response, cancellationToken);
        var body = await response.Content.ReadAsStringAsync(cancellationToken);
        try
        {
            using var document = JsonDocument.Parse(body);
            var json = document.RootElement.Clone();
            var value = json.Deserialize<T>(MageJson.Options) ?? throw new JsonException("the body is null");
            return new ApiResult<T>(value, json);
        }
        catch (JsonException e)
        {
            // A 2xx that is not the documented JSON: another program on the port, or an older/newer app.
            throw new MageApiException(new ApiProblem((int)response.StatusCode, "Unexpected answer",
                $"{request.Method} {request.RequestUri?.AbsolutePath} answered {(int)response.StatusCode} with a body the CLI cannot read ({e.Message}). Is {BaseUrl} a Mage deployment of the same version?", []));
        }
    }

    private async Task<HttpResponseMessage> SendCoreAsync(HttpRequestMessage request, HttpCompletionOption completion, CancellationToken requestToken, CancellationToken callerToken)
    {
        try
        {
            return await _http.SendAsync(request, completion, requestToken);
        }
        catch (HttpRequestException e)
        {
            throw new MageUnreachableException(BaseUrl, ReasonOf(e), e);
        }
        catch (OperationCanceledException e) when (!callerToken.IsCancellationRequested)
        {
            throw new MageUnreachableException(BaseUrl, $"no answer within {RequestTimeout.TotalSeconds:0} s", e);
        }
    }

    private static async Task ThrowIfErrorAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        if (response.IsSuccessStatusCode)
        {
            return;
        }

        var body = await response.Content.ReadAsStringAsync(cancellationToken);
        var problem = ApiProblem.Parse(response.StatusCode, response.ReasonPhrase, body);
        response.Dispose();
        throw new MageApiException(problem);
    }

    private static string ReasonOf(HttpRequestException e) => e.InnerException switch
    {
        SocketException { SocketErrorCode: SocketError.ConnectionRefused } => "connection refused",
        SocketException { SocketErrorCode: SocketError.HostNotFound or SocketError.NoData or SocketError.TryAgain } => "the host name does not resolve",
        SocketException s => s.Message,
        _ => e.Message,
    };

    private Uri Resolve(string path) => new(BaseUrl, path.TrimStart('/'));
}
