using System.Net;
using System.Text.Json;

namespace Mage.Cli.Api;

/// <summary>An error answer of the API: an RFC 7807 problem, or what could be made of a body that is not one.</summary>
/// <param name="Status">HTTP status code.</param>
/// <param name="Title">Short summary (the reason phrase when the body is not a problem).</param>
/// <param name="Detail">What is wrong and how to fix it, or the start of a non-problem body.</param>
/// <param name="Errors">Validation items, empty when there are none.</param>
internal sealed record ApiProblem(int Status, string Title, string? Detail, IReadOnlyList<ApiProblemItem> Errors)
{
    private const int MaxQuotedBody = 300;

    /// <summary>True for a refused input with positioned items (a manifest or configuration 400): the CLI's "invalid" outcome.</summary>
    public bool IsValidation => Status == (int)HttpStatusCode.BadRequest && Errors.Count > 0;

    /// <summary>Reads a problem from an error response body; never throws on a malformed body.</summary>
    public static ApiProblem Parse(HttpStatusCode status, string? reasonPhrase, string body)
    {
        var fallbackTitle = string.IsNullOrEmpty(reasonPhrase) ? status.ToString() : reasonPhrase;
        try
        {
            using var document = JsonDocument.Parse(body);
            if (document.RootElement.ValueKind == JsonValueKind.Object)
            {
                var root = document.RootElement;
                var errors = root.TryGetProperty("errors", out var list) && list.ValueKind == JsonValueKind.Array
                    ? list.Deserialize<List<ApiProblemItem>>(MageJson.Options) ?? []
                    : [];
                return new ApiProblem((int)status, StringOf(root, "title") ?? fallbackTitle, StringOf(root, "detail"), errors);
            }
        }
        catch (JsonException)
        {
            // Not JSON (a proxy's HTML page, an empty body): quoted below as it is.
        }

        var quoted = body.Trim();
        return new ApiProblem((int)status, fallbackTitle, quoted.Length == 0 ? null : quoted.Length > MaxQuotedBody ? quoted[..MaxQuotedBody] + "…" : quoted, []);
    }

    private static string? StringOf(JsonElement root, string name) =>
        root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
