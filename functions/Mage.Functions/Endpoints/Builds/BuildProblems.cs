using Mage.Manifests;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Mage.Functions.Endpoints.Builds;

/// <summary>RFC 7807 answers shared by the build routes.</summary>
public static class BuildProblems
{
    /// <summary>404 for a build that does not exist or that the key may not see (the same answer, on purpose).</summary>
    public static ProblemHttpResult BuildNotFound(string id) =>
        TypedResults.Problem(statusCode: 404, title: "Build not found", detail: $"Build {id} does not exist.");

    /// <summary>400 carrying every diagnostic with its path, line and column.</summary>
    public static ProblemHttpResult Invalid(string detail, IEnumerable<ManifestDiagnostic> errors) =>
        TypedResults.Problem(statusCode: 400, title: "Invalid build request", detail: detail, extensions: new Dictionary<string, object?>
        {
            ["errors"] = errors.Select(DiagnosticView.Of).ToList(),
        });
}
