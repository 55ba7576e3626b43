using Mage.Builds.Catalog;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Mage.Functions.Endpoints.Catalog;

/// <summary>The RFC 7807 answers of the catalog routes. Details quote names, never secret values.</summary>
internal static class CatalogProblems
{
    public static ProblemHttpResult ServiceNotFound(string service) =>
        TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Not Found", detail: $"service {CatalogNames.Shorten(service)} does not exist.");

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
