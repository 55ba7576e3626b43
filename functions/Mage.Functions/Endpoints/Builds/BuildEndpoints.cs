using System.Security.Claims;
using System.Text.Json;
using Mage.Builds;
using Mage.Builds.Activities;
using Mage.Builds.Orchestration;
using Mage.Builds.Records;
using Mage.Builds.Submission;
using Mage.Catalog;
using Mage.Functions.Endpoints.Catalog;
using Mage.Functions.Security;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.DurableTask.Client;

namespace Mage.Functions.Endpoints.Builds;

/// <summary>The build trigger and build records: submit, read, list, kill, manifest.</summary>
public static class BuildEndpoints
{
    /// <summary>Maps the routes on the <c>/api</c> group.</summary>
    public static RouteGroupBuilder MapBuildEndpoints(this RouteGroupBuilder api)
    {
        api.MapPost("/services/{service}/builds", SubmitAsync).Accepts<BuildRequest>("application/json").WithName("SubmitBuild").WithTags("Builds");
        api.MapGet("/services/{service}/builds", ListAsync).WithName("ListBuilds").WithTags("Builds");
        api.MapGet("/builds/{id}", GetAsync).WithName("GetBuild").WithTags("Builds");
        api.MapPost("/builds/{id}/kill", KillAsync).WithName("KillBuild").WithTags("Builds");
        api.MapGet("/builds/{id}/manifest", GetManifestAsync).WithName("GetBuildManifest").WithTags("Builds");
        return api;
    }

    private static async Task<Results<Accepted<BuildAccepted>, ProblemHttpResult>> SubmitAsync(
        string service, HttpRequest request, ClaimsPrincipal user, BuildSubmitter submitter, MageOptions options, ServiceCatalog catalog,
        [FromHeader(Name = "Idempotency-Key")] string? idempotencyKey, CancellationToken cancellationToken)
    {
        if (!user.CanAccess(service))
        {
            return await CatalogProblems.ServiceNotFoundAsync(service, user, catalog, cancellationToken);
        }

        if (request.ContentLength > options.MaxSubmitBytes)
        {
            return TypedResults.Problem(statusCode: 413, title: "Request too large", detail: $"The request body is {request.ContentLength} bytes; the limit is {options.MaxSubmitBytes} (Mage__MaxSubmitBytes).");
        }

        BuildRequest? body;
        try
        {
            body = await request.ReadFromJsonAsync<BuildRequest>(cancellationToken);
        }
        catch (JsonException ex)
        {
            return TypedResults.Problem(statusCode: 400, title: "Invalid JSON", detail: $"The body is not valid JSON ({ex.Message}). Send {{ \"tag\": \"v1.0.0\", \"manifest\": \"<YAML>\" }}.");
        }
        catch (InvalidOperationException)
        {
            return TypedResults.Problem(statusCode: 415, title: "Unsupported media type", detail: "Send the build request as application/json.");
        }

        if (body is null)
        {
            return TypedResults.Problem(statusCode: 400, title: "Missing body", detail: "Send { \"tag\": \"v1.0.0\", \"manifest\": \"<YAML>\" }.");
        }

        var outcome = await submitter.SubmitAsync(service, body, idempotencyKey, cancellationToken);
        if (outcome is SubmitOutcome.UnknownService unknown)
        {
            return await CatalogProblems.ServiceNotFoundAsync(unknown.Service, user, catalog, cancellationToken);
        }

        return outcome switch
        {
            SubmitOutcome.Accepted a => TypedResults.Accepted($"/api/builds/{a.Build.Id}", new BuildAccepted(
                a.Build.Id, a.Build.Number, a.Build.Service, a.Build.Tag, a.Build.Status,
                $"/api/builds/{a.Build.Id}", $"/api/builds/{a.Build.Id}/kill", $"/api/builds/{a.Build.Id}/jobs/{{job}}/log", $"/api/builds/{a.Build.Id}/artifacts")),
            SubmitOutcome.Invalid i => BuildProblems.Invalid(i.Detail, i.Errors),
            SubmitOutcome.TagBusy t => TypedResults.Problem(statusCode: 409, title: "Tag busy", detail: t.Detail),
            SubmitOutcome.StorageUnavailable s => TypedResults.Problem(statusCode: 503, title: "Storage unavailable", detail: s.Detail),
            SubmitOutcome.MissingPrerequisite m => TypedResults.Problem(statusCode: 422, title: "Missing prerequisite", detail: m.Detail),
            _ => throw new InvalidOperationException($"Unhandled outcome {outcome.GetType().Name}."),
        };
    }

    private static async Task<Results<Ok<BuildPage>, ProblemHttpResult>> ListAsync(
        string service, string? status, string? tag, int? top, string? continuationToken, ClaimsPrincipal user, BuildStore builds, ServiceCatalog catalog, CancellationToken cancellationToken)
    {
        if (!user.CanAccess(service))
        {
            return await CatalogProblems.ServiceNotFoundAsync(service, user, catalog, cancellationToken);
        }

        if (status is not null && !BuildStatus.All.Contains(status))
        {
            return TypedResults.Problem(statusCode: 400, title: "Invalid status", detail: $"status '{status}' is not one of {string.Join(", ", BuildStatus.All)}.");
        }

        if (top is < 1 or > 1000)
        {
            return TypedResults.Problem(statusCode: 400, title: "Invalid top", detail: "top must be between 1 and 1000.");
        }

        try
        {
            var (items, next) = await builds.ListAsync(service, status, tag, top ?? 25, continuationToken, cancellationToken);
            return TypedResults.Ok(new BuildPage(items.Select(BuildSummary.Of).ToList(), next));
        }
        catch (FormatException ex)
        {
            return TypedResults.Problem(statusCode: 400, title: "Invalid continuationToken", detail: ex.Message);
        }
    }

    private static async Task<Results<Ok<BuildView>, ProblemHttpResult>> GetAsync(
        string id, ClaimsPrincipal user, BuildStore builds, JobStore jobs, ArtifactStore artifacts, CancellationToken cancellationToken)
    {
        var build = await FindAsync(id, user, builds, cancellationToken);
        if (build is null)
        {
            return BuildProblems.BuildNotFound(id);
        }

        var jobList = jobs.ListAsync(build.Service, build.Number, cancellationToken);
        var artifactList = artifacts.ListAsync(build.Service, build.Number, cancellationToken);
        return TypedResults.Ok(BuildViews.Of(build, await jobList, await artifactList));
    }

    private static async Task<Results<Accepted<BuildSummary>, ProblemHttpResult>> KillAsync(
        string id, ClaimsPrincipal user, BuildStore builds, BuildTransitions transitions, JobStore jobs, DurableTaskClient durable, ILoggerFactory loggers, CancellationToken cancellationToken)
    {
        var build = await FindAsync(id, user, builds, cancellationToken);
        if (build is null)
        {
            return BuildProblems.BuildNotFound(id);
        }

        if (BuildStatus.IsTerminal(build.Status))
        {
            return TypedResults.Problem(statusCode: 409, title: "Build finished", detail: $"Build {id} already finished with status {build.Status}; there is nothing to kill.");
        }

        var wasQueued = build.Status == BuildStatus.Queued;
        if (wasQueued)
        {
            // Final before it starts: the orchestrator sees a final build and never runs it.
            (build, _) = await transitions.MoveAsync(id, BuildStatus.Killed, "killed before it started", cancellationToken);
            if (build.Status == BuildStatus.Killed)
            {
                // Its jobs will never run: say so now. The start activity does the same should this
                // request end here, so no job stays queued under a finished build.
                await jobs.FinishUnfinishedAsync(build.Service, build.Number, BuildStatus.ForUnfinishedJobs(build.Status), cancellationToken);
            }
        }

        if (build.Status == BuildStatus.Running)
        {
            await durable.RaiseEventAsync(id, BuildOrchestrator.KillEvent, "kill", cancellationToken);
        }
        else if (wasQueued && build.Status == BuildStatus.Killed)
        {
            // The build may have started between the read and the move: tell its orchestration too.
            // Before it starts there is nothing to tell (the start step finds the build killed), so a
            // refusal for an instance that does not exist yet is expected.
            try
            {
                await durable.RaiseEventAsync(id, BuildOrchestrator.KillEvent, "kill", cancellationToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException and not OutOfMemoryException)
            {
                BuildEndpointsLog.KillEventNotDelivered(loggers.CreateLogger(typeof(BuildEndpoints)), id, ex.GetType().Name);
            }
        }

        return TypedResults.Accepted($"/api/builds/{id}", BuildSummary.Of(build));
    }

    private static async Task<Results<ContentHttpResult, ProblemHttpResult>> GetManifestAsync(
        string id, ClaimsPrincipal user, BuildStore builds, ManifestArchive manifests, CancellationToken cancellationToken)
    {
        var build = await FindAsync(id, user, builds, cancellationToken);
        var yaml = build is null ? null : await manifests.GetAsync(build.Service, build.Number, cancellationToken);
        return yaml is null ? BuildProblems.BuildNotFound(id) : TypedResults.Text(yaml, "application/yaml; charset=utf-8");
    }

    /// <summary>The build if it exists and the key may see it; otherwise null (answered as 404).</summary>
    internal static async Task<BuildRecord?> FindAsync(string id, ClaimsPrincipal user, BuildStore builds, CancellationToken cancellationToken) =>
        BuildId.TryParse(id, out var service, out _) && user.CanAccess(service) ? await builds.GetAsync(id, cancellationToken) : null;
}
