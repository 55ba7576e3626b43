using System.Text;
using Azure.Core;
using Azure.Core.Pipeline;

namespace Mage.Storage.Auth;

/// <summary>
/// Table authorization. SharedKey signs <c>VERB\nContent-MD5\nContent-Type\nDate\nResource</c>;
/// SharedKeyLite signs <c>Date\nResource</c>. Date is the <c>x-ms-date</c> value; the resource keeps only
/// <c>?comp=</c> from the query, unlike blob/queue.
/// </summary>
internal sealed class TableSharedKeyPolicy(SharedKeyCredential credential, bool lite) : HttpPipelineSynchronousPolicy
{
    public override void OnSendingRequest(HttpMessage message)
    {
        string stringToSign = BuildStringToSign(message.Request, credential.AccountName, lite);
        string scheme = lite ? "SharedKeyLite" : "SharedKey";
        message.Request.Headers.SetValue("Authorization", $"{scheme} {credential.AccountName}:{credential.Sign(stringToSign)}");
    }

    internal static string BuildStringToSign(Request request, string accountName, bool lite)
    {
        string date = request.Headers.TryGetValue("x-ms-date", out string? d) ? d : "";
        string resource = CanonicalizedResource(request.Uri.ToUri(), accountName);
        if (lite)
        {
            return date + "\n" + resource;
        }
        string md5 = request.Headers.TryGetValue("Content-MD5", out string? m) ? m : "";
        string contentType = request.Headers.TryGetValue("Content-Type", out string? c) ? c : "";
        return new StringBuilder()
            .Append(request.Method.Method).Append('\n')
            .Append(md5).Append('\n')
            .Append(contentType).Append('\n')
            .Append(date).Append('\n')
            .Append(resource).ToString();
    }

    internal static string CanonicalizedResource(Uri uri, string accountName)
    {
        string resource = "/" + accountName + uri.AbsolutePath;
        string? comp = QueryString.Parse(uri.Query)
            .FirstOrDefault(p => p.Key.Equals("comp", StringComparison.OrdinalIgnoreCase)).Value;
        return comp is null ? resource : resource + "?comp=" + comp;
    }
}
