using System.Globalization;
using Azure.Core;
using Azure.Core.Pipeline;

namespace Mage.Storage.Auth;

/// <summary>
/// Sets <c>x-ms-version</c> and a fresh <c>x-ms-date</c> on every try; runs per retry before signing
/// because a retried request must be re-dated (the service rejects dates more than 15 minutes off).
/// </summary>
internal sealed class StorageHeadersPolicy : HttpPipelineSynchronousPolicy
{
    public static StorageHeadersPolicy Shared { get; } = new();

    public override void OnSendingRequest(HttpMessage message)
    {
        message.Request.Headers.SetValue("x-ms-version", StorageApiVersion.Current);
        message.Request.Headers.SetValue("x-ms-date", DateTimeOffset.UtcNow.ToString("r", CultureInfo.InvariantCulture));
    }
}
