namespace Mage.Cli.Api;

/// <summary>No HTTP answer came from the service: nothing listens, the name does not resolve, or it did not answer in time.</summary>
internal sealed class MageUnreachableException(Uri baseUrl, string reason, Exception? inner = null)
    : Exception($"cannot reach Mage at {baseUrl}: {reason}", inner)
{
    /// <summary>The address that was tried (never carries the key: keys travel in a header).</summary>
    public Uri BaseUrl { get; } = baseUrl;

    /// <summary>Why, in the words of the network stack.</summary>
    public string Reason { get; } = reason;
}
