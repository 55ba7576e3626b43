using System.Security.Claims;
using Azure;
using Mage.Builds.Activities;
using Mage.Builds.Records;
using Mage.Storage;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Mage.Functions.Endpoints.Builds;

/// <summary><c>GET /api/builds/{id}/jobs/{job}/log[?follow=true]</c>: a job's log, optionally streamed until the job ends.</summary>
public static class BuildLogEndpoints
{
    /// <summary>How often a followed log looks for new output.</summary>
    public static readonly TimeSpan FollowInterval = TimeSpan.FromMilliseconds(250);

    /// <summary>Maps the route on the <c>/api</c> group.</summary>
    public static RouteGroupBuilder MapBuildLogEndpoints(this RouteGroupBuilder api)
    {
        api.MapGet("/builds/{id}/jobs/{job}/log", GetLogAsync).WithName("GetJobLog").WithTags("Builds");
        return api;
    }

    private static async Task<Results<EmptyHttpResult, ProblemHttpResult>> GetLogAsync(
        string id, string job, bool? follow, HttpContext http, ClaimsPrincipal user, BuildStore builds, JobStore jobs, JobLogs logs, CancellationToken cancellationToken)
    {
        var build = await BuildEndpoints.FindAsync(id, user, builds, cancellationToken);
        if (build is null)
        {
            return BuildProblems.BuildNotFound(id);
        }

        var record = await jobs.FindAsync(build.Service, build.Number, job, cancellationToken);
        if (record is null)
        {
            return TypedResults.Problem(statusCode: 404, title: "Job not found", detail: $"Build {id} has no job named {job}.");
        }

        var blob = logs.BlobFor(build.Service, build.Number, job);
        http.Response.ContentType = "text/plain; charset=utf-8";
        http.Response.Headers.CacheControl = "no-store";
        long offset = 0;
        while (true)
        {
            // Read the job's status before the blob: output written before the job ended is then always seen.
            var finished = follow != true
                || BuildStatus.IsTerminal((await jobs.GetAsync(build.Service, build.Number, record.StageIndex, record.JobIndex, cancellationToken))?.Status ?? BuildStatus.Failed);
            long length;
            try
            {
                length = (await blob.GetPropertiesAsync(cancellationToken: cancellationToken)).Value.ContentLength;
            }
            catch (RequestFailedException ex) when (ex.Status == 404)
            {
                length = 0;
            }

            if (length > offset)
            {
                using var download = await blob.OpenRangeAsync(offset, length - offset, cancellationToken);
                await download.Content.CopyToAsync(http.Response.Body, cancellationToken);
                await http.Response.Body.FlushAsync(cancellationToken);
                offset = length;
            }

            if (finished)
            {
                return TypedResults.Empty;
            }

            await Task.Delay(FollowInterval, cancellationToken);
        }
    }
}
