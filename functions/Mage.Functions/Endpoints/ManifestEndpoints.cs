using Mage.Builds;
using Mage.Functions.Endpoints.Builds;
using Mage.Manifests;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Mage.Functions.Endpoints;

/// <summary><c>POST /api/manifests/validate</c>: the linter over HTTP, for editors and pipelines.</summary>
public static class ManifestEndpoints
{
    /// <summary>Answer of a valid manifest.</summary>
    public sealed record ValidationAnswer(bool Valid, IReadOnlyList<DiagnosticView> Warnings);

    /// <summary>Maps the route on the <c>/api</c> group.</summary>
    public static RouteGroupBuilder MapManifestEndpoints(this RouteGroupBuilder api)
    {
        api.MapPost("/manifests/validate", ValidateAsync).WithName("ValidateManifest").WithTags("Manifests");
        return api;
    }

    private static async Task<Results<Ok<ValidationAnswer>, ProblemHttpResult>> ValidateAsync(HttpRequest request, MageOptions options, CancellationToken cancellationToken)
    {
        var limits = options.ManifestLimits;
        if (request.ContentLength > limits.MaxDocumentBytes)
        {
            return TypedResults.Problem(statusCode: 413, title: "Manifest too large", detail: $"The manifest is {request.ContentLength} bytes; the limit is {limits.MaxDocumentBytes}.");
        }

        using var reader = new StreamReader(request.Body);
        var buffer = new char[limits.MaxDocumentBytes + 1];
        var read = await reader.ReadBlockAsync(buffer, cancellationToken);
        var yaml = new string(buffer, 0, read);
        var validation = ManifestValidator.Validate(yaml, limits);
        var warnings = validation.Warnings.Select(DiagnosticView.Of).ToList();
        return validation.IsValid
            ? TypedResults.Ok(new ValidationAnswer(true, warnings))
            : BuildProblems.Invalid($"The manifest has {validation.Errors.Count()} error(s).", validation.Diagnostics);
    }
}
