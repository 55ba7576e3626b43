using Mage.Catalog;
using Mage.Codegen.Configuration;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Mage.Functions.Endpoints.Configuration;

/// <summary>The RFC 7807 answers of the configuration routes.</summary>
internal static class ConfigurationProblems
{
    /// <summary>400 listing every error (and warning) with its path, line and column.</summary>
    public static ProblemHttpResult Invalid(IReadOnlyList<ConfigurationDiagnostic> diagnostics)
    {
        var errors = diagnostics.Where(d => d.Severity == Manifests.DiagnosticSeverity.Error).ToList();
        var first = errors.Count > 0 ? errors[0].ToString() : "no details";
        var detail = errors.Count == 1
            ? $"The configuration has 1 error and was not saved: {first}. Fix it and save again."
            : $"The configuration has {errors.Count} errors and was not saved; the first is {first}. Every error is listed in \"errors\" with its line and column.";
        return TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Invalid configuration", detail: detail, extensions: new Dictionary<string, object?>
        {
            ["errors"] = errors.Select(ConfigurationDiagnosticView.Of).ToList(),
            ["warnings"] = diagnostics.Where(d => d.Severity != Manifests.DiagnosticSeverity.Error).Select(ConfigurationDiagnosticView.Of).ToList(),
        });
    }

    public static ProblemHttpResult TooLarge(long? length, int limit) =>
        TypedResults.Problem(statusCode: StatusCodes.Status413PayloadTooLarge, title: "Configuration too large",
            detail: $"The configuration is {(length is { } l ? $"{l} bytes" : "larger than the limit")}; the limit is {limit} bytes. Split large descriptions out, or remove unused entities.");

    public static ProblemHttpResult NoConfiguration(string service) =>
        TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Not Found",
            detail: $"service {service} has no saved configuration; save one with PUT /api/services/{service}/configuration.");

    public static ProblemHttpResult NoVersion(string service, long version) =>
        TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Not Found",
            detail: $"configuration version {version} of service {service} does not exist; GET /api/services/{service}/configuration/versions lists the saved versions.");

    public static ProblemHttpResult BadVersion(string text) =>
        TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Invalid version",
            detail: $"version '{CatalogNames.Shorten(text)}' is not a version number; versions are whole numbers from 1.");
}
