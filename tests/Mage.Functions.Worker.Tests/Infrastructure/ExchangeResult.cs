namespace Mage.Functions.Worker.Tests.Infrastructure;

/// <summary>What one host answered to one request: status, content type, the headers a client reads, and the body.</summary>
public sealed record ExchangeResult(int Status, string? ContentType, IReadOnlyDictionary<string, string> Headers, string Body)
{
    /// <summary>Headers whose values the two hosts must agree on when present.</summary>
    public static readonly string[] ComparedHeaders =
    [
        "Location", "ETag", "Cache-Control", "Retry-After", "WWW-Authenticate",
        "x-mage-configuration-version", "x-mage-configuration-sha256",
    ];

    /// <inheritdoc />
    public override string ToString() =>
        $"{Status} {ContentType} [{string.Join(", ", Headers.Select(h => $"{h.Key}: {h.Value}"))}]\n{Body}";
}
