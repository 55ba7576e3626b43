using System.Security.Claims;
using Mage.Builds.Records;
using Mage.Storage;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Net.Http.Headers;

namespace Mage.Functions.Endpoints.Builds;

/// <summary>Artifacts of a build: the list, and the bytes of one (with Range).</summary>
public static class ArtifactEndpoints
{
    /// <summary>Maps the routes on the <c>/api</c> group.</summary>
    public static RouteGroupBuilder MapArtifactEndpoints(this RouteGroupBuilder api)
    {
        api.MapGet("/builds/{id}/artifacts", ListAsync).WithName("ListArtifacts").WithTags("Artifacts");
        api.MapGet("/builds/{id}/artifacts/{job}/{**name}", DownloadAsync).WithName("DownloadArtifact").WithTags("Artifacts");
        return api;
    }

    private static async Task<Results<Ok<IReadOnlyList<ArtifactView>>, ProblemHttpResult>> ListAsync(
        string id, ClaimsPrincipal user, BuildStore builds, ArtifactStore artifacts, CancellationToken cancellationToken)
    {
        var build = await BuildEndpoints.FindAsync(id, user, builds, cancellationToken);
        if (build is null)
        {
            return BuildProblems.BuildNotFound(id);
        }

        var list = await artifacts.ListAsync(build.Service, build.Number, cancellationToken);
        return TypedResults.Ok<IReadOnlyList<ArtifactView>>(list.Select(a => new ArtifactView(a.Job, a.Source, a.Name, a.Size, a.Sha256, BuildViews.ArtifactUri(id, a))).ToList());
    }

    private static async Task<Results<EmptyHttpResult, ProblemHttpResult>> DownloadAsync(
        string id, string job, string name, HttpContext http, ClaimsPrincipal user, BuildStore builds, ArtifactStore artifacts,
        StorageClients account, BuildStorageNames names, CancellationToken cancellationToken)
    {
        var build = await BuildEndpoints.FindAsync(id, user, builds, cancellationToken);
        var artifact = build is null ? null : await artifacts.GetAsync(build.Service, build.Number, job, name, cancellationToken);
        if (artifact is null)
        {
            return TypedResults.Problem(statusCode: 404, title: "Artifact not found", detail: $"Build {id} has no artifact {name} from job {job}.");
        }

        long offset = 0;
        var length = artifact.Size;
        var response = http.Response;
        response.Headers.AcceptRanges = "bytes";
        if (RangeHeaderValue.TryParse(http.Request.Headers.Range.ToString(), out var range) && range.Unit == "bytes" && range.Ranges.Count == 1)
        {
            var r = range.Ranges.Single();
            var (from, to) = r.From is { } f ? (f, Math.Min(r.To ?? artifact.Size - 1, artifact.Size - 1)) : (Math.Max(0, artifact.Size - (r.To ?? 0)), artifact.Size - 1);
            if (from >= artifact.Size || from > to)
            {
                response.Headers.ContentRange = $"bytes */{artifact.Size}";
                return TypedResults.Problem(statusCode: 416, title: "Range not satisfiable", detail: $"The artifact is {artifact.Size} bytes long.");
            }

            (offset, length) = (from, to - from + 1);
            response.StatusCode = StatusCodes.Status206PartialContent;
            response.Headers.ContentRange = $"bytes {from}-{to}/{artifact.Size}";
        }

        response.ContentType = "application/octet-stream";
        response.ContentLength = length;
        response.Headers.ContentDisposition = new ContentDispositionHeaderValue("attachment") { FileNameStar = Path.GetFileName(artifact.Name) }.ToString();
        response.Headers["x-ms-sha256"] = artifact.Sha256;
        if (length > 0)
        {
            var blob = account.GetBlobContainer(names.ArtifactsContainer).GetBlobClient(artifact.BlobName);
            using var download = await blob.OpenRangeAsync(offset, length, cancellationToken);
            await download.Content.CopyToAsync(response.Body, cancellationToken);
        }

        return TypedResults.Empty;
    }
}
