using System.Text;
using Azure;
using Azure.Core;
using Azure.Core.Pipeline;
using Mage.Storage.Auth;

namespace Mage.Storage;

/// <summary>
/// One service endpoint (blob, queue or table) with its pipeline. Builds request URIs from
/// already-escaped relative paths and maps failures to <see cref="StorageException"/>.
/// Thread-safe: the pipeline and the endpoint are immutable.
/// </summary>
internal sealed class StorageService(HttpPipeline pipeline, Uri endpoint, SharedKeyCredential? key)
{
    private readonly string _base = endpoint.AbsoluteUri.TrimEnd('/');

    public HttpPipeline Pipeline { get; } = pipeline;

    public Uri Endpoint { get; } = endpoint;

    /// <summary>Present only for SharedKey accounts; needed for SAS.</summary>
    public SharedKeyCredential? Key { get; } = key;

    public Uri BuildUri(string escapedPath, params (string Name, string? Value)[] query)
    {
        var sb = new StringBuilder(_base).Append('/').Append(escapedPath);
        char separator = '?';
        foreach ((string name, string? value) in query)
        {
            if (value is null)
            {
                continue;
            }
            sb.Append(separator).Append(name).Append('=').Append(Uri.EscapeDataString(value));
            separator = '&';
        }
        return new Uri(sb.ToString());
    }

    public HttpMessage CreateMessage(RequestMethod method, string escapedPath, params (string Name, string? Value)[] query)
    {
        HttpMessage message = Pipeline.CreateMessage();
        message.Request.Method = method;
        message.Request.Uri.Reset(BuildUri(escapedPath, query));
        return message;
    }

    /// <summary>
    /// Sends and returns the response when its status is 2xx (or in <paramref name="alsoAccept"/>);
    /// otherwise throws a typed <see cref="StorageException"/>.
    /// </summary>
    public async Task<Response> SendAsync(HttpMessage message, string operation, CancellationToken cancellationToken, params int[] alsoAccept)
    {
        try
        {
            await Pipeline.SendAsync(message, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception e) when (e is RequestFailedException or AggregateException or IOException or OperationCanceledException or System.Net.Http.HttpRequestException)
        {
            throw StorageErrors.Unreachable(operation, e);
        }
        Response response = message.Response;
        if (response.Status is >= 200 and < 300 || alsoAccept.Contains(response.Status))
        {
            return response;
        }
        throw StorageErrors.FromResponse(response, operation);
    }

    /// <summary>Creates, sends and disposes a message; for calls whose response only matters through headers.</summary>
    public async Task<ResponseHeadersSnapshot> SendAndDisposeAsync(HttpMessage message, string operation, CancellationToken cancellationToken, params int[] alsoAccept)
    {
        using (message)
        {
            Response response = await SendAsync(message, operation, cancellationToken, alsoAccept).ConfigureAwait(false);
            return new ResponseHeadersSnapshot(response.Status, response.Headers);
        }
    }
}
