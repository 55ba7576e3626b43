using System.Security.Claims;
using Azure;
using Mage.Catalog;
using Mage.Functions.Security;
using Mage.Manifests;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Mage.Functions.Endpoints.Catalog;

/// <summary>The RFC 7807 answers of the catalog routes. Details quote names, never secret values.</summary>
internal static class CatalogProblems
{
    /// <summary>
    /// 404 for a service that does not exist or that the caller may not see (one answer for both),
    /// naming the nearest service the caller can see and how to list or create one.
    /// </summary>
    public static async Task<ProblemHttpResult> ServiceNotFoundAsync(string service, ClaimsPrincipal user, ServiceCatalog catalog, CancellationToken cancellationToken)
    {
        string? nearest = null;
        try
        {
            // Only names this key may see: a service key is offered its own service at most, so
            // the answer says nothing about services it cannot reach.
            var visible = (await catalog.ListAsync(cancellationToken)).Select(s => s.Name).Where(user.CanAccess);
            nearest = Suggestions.Closest(service, visible);
        }
        catch (Exception e) when (e is RequestFailedException or IOException or TimeoutException or HttpRequestException)
        {
            // Storage trouble while composing a 404 leaves out the suggestion, never turns it into a 500.
        }

        return ServiceNotFound(service, nearest);
    }

    /// <summary>The 404 of <see cref="ServiceNotFoundAsync"/> with a known suggestion (or none).</summary>
    public static ProblemHttpResult ServiceNotFound(string service, string? nearest)
    {
        var didYouMean = nearest is null ? string.Empty : $" Did you mean {nearest}?";
        return TypedResults.Problem(
            statusCode: StatusCodes.Status404NotFound,
            title: "Not Found",
            detail: $"service {CatalogNames.Shorten(service)} does not exist.{didYouMean} List the services this key can see with GET /api/services; "
                + "create one with PUT /api/services/{name} (admin key).");
    }

    public static ProblemHttpResult NotFound(string what) =>
        TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Not Found", detail: $"{what} does not exist.");

    public static ProblemHttpResult Validation(string subject, IReadOnlyList<CatalogValidationError> errors)
    {
        var detail = $"{subject} has {(errors.Count == 1 ? "1 problem" : $"{errors.Count} problems")}: {string.Join(" ", errors.Select(e => e.Message))}";
        var items = errors.Select(e => new Dictionary<string, string> { ["path"] = e.Path, ["message"] = e.Message }).ToList();
        return TypedResults.Problem(
            statusCode: StatusCodes.Status400BadRequest,
            title: "One or more validation errors occurred.",
            detail: detail,
            extensions: new Dictionary<string, object?> { ["errors"] = items });
    }

    public static ProblemHttpResult TooLarge(long maxBytes) =>
        TypedResults.Problem(
            statusCode: StatusCodes.Status413PayloadTooLarge,
            title: "Payload Too Large",
            detail: $"The object is larger than the limit of {maxBytes} bytes ({maxBytes / (1024.0 * 1024.0):0.##} MiB); the limit is the setting Mage__Objects__MaxBytes.");
}
