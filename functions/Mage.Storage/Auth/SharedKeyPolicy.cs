using System.Text;
using Azure.Core;
using Azure.Core.Pipeline;

namespace Mage.Storage.Auth;

/// <summary>
/// Blob and Queue <c>SharedKey</c> authorization: signs the verb, standard headers, every
/// <c>x-ms-*</c> header and the canonicalized resource (path plus sorted, decoded query).
/// </summary>
internal sealed class SharedKeyPolicy(SharedKeyCredential credential) : HttpPipelineSynchronousPolicy
{
    public override void OnSendingRequest(HttpMessage message)
    {
        string stringToSign = BuildStringToSign(message.Request, credential.AccountName);
        message.Request.Headers.SetValue("Authorization", $"SharedKey {credential.AccountName}:{credential.Sign(stringToSign)}");
    }

    internal static string BuildStringToSign(Request request, string accountName)
    {
        string contentLength = request.Content is not null && request.Content.TryComputeLength(out long length) && length > 0
            ? length.ToString(System.Globalization.CultureInfo.InvariantCulture)
            : "";
        var sb = new StringBuilder();
        sb.Append(request.Method.Method).Append('\n');
        sb.Append(Header(request, "Content-Encoding")).Append('\n');
        sb.Append(Header(request, "Content-Language")).Append('\n');
        sb.Append(contentLength).Append('\n');
        sb.Append(Header(request, "Content-MD5")).Append('\n');
        sb.Append(Header(request, "Content-Type")).Append('\n');
        sb.Append('\n'); // Date: empty because x-ms-date is always sent.
        sb.Append(Header(request, "If-Modified-Since")).Append('\n');
        sb.Append(Header(request, "If-Match")).Append('\n');
        sb.Append(Header(request, "If-None-Match")).Append('\n');
        sb.Append(Header(request, "If-Unmodified-Since")).Append('\n');
        sb.Append(Header(request, "Range")).Append('\n');
        foreach (HttpHeader header in request.Headers
                     .Where(h => h.Name.StartsWith("x-ms-", StringComparison.OrdinalIgnoreCase))
                     .Select(h => new HttpHeader(h.Name.ToLowerInvariant(), h.Value.Trim()))
                     .OrderBy(h => h.Name, StringComparer.Ordinal))
        {
            sb.Append(header.Name).Append(':').Append(header.Value).Append('\n');
        }
        sb.Append(CanonicalizedResource(request.Uri.ToUri(), accountName));
        return sb.ToString();
    }

    internal static string CanonicalizedResource(Uri uri, string accountName)
    {
        var sb = new StringBuilder("/").Append(accountName).Append(uri.AbsolutePath.Length > 0 ? uri.AbsolutePath : "/");
        foreach (IGrouping<string, string> parameter in QueryString.Parse(uri.Query)
                     .GroupBy(p => p.Key.ToLowerInvariant(), p => p.Value)
                     .OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            sb.Append('\n').Append(parameter.Key).Append(':')
              .AppendJoin(',', parameter.OrderBy(v => v, StringComparer.Ordinal));
        }
        return sb.ToString();
    }

    private static string Header(Request request, string name) =>
        request.Headers.TryGetValue(name, out string? value) ? value : "";
}
