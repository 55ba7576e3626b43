using System.Text;

namespace Mage.Functions.Worker.Tests.Infrastructure;

/// <summary>One HTTP request, sent the same way to both hosts.</summary>
public sealed record RequestSpec(HttpMethod Method, string PathAndQuery)
{
    /// <summary>Request headers (the key goes here as x-functions-key).</summary>
    public IReadOnlyDictionary<string, string> Headers { get; init; } = new Dictionary<string, string>();

    /// <summary>Body bytes, or null for none.</summary>
    public byte[]? Body { get; init; }

    /// <summary>Content type of <see cref="Body"/>.</summary>
    public string? ContentType { get; init; }

    /// <summary>A request with the <c>x-functions-key</c> header (null: no key).</summary>
    public static RequestSpec WithKey(HttpMethod method, string pathAndQuery, string? key) => new(method, pathAndQuery)
    {
        Headers = key is null ? new Dictionary<string, string>() : new Dictionary<string, string> { ["x-functions-key"] = key },
    };

    /// <summary>This request with a text body.</summary>
    public RequestSpec WithBody(string text, string contentType) => this with { Body = Encoding.UTF8.GetBytes(text), ContentType = contentType };
}
