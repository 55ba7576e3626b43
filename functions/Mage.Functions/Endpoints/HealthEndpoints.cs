using System.Reflection;
using Mage.Storage;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Mage.Functions.Endpoints;

/// <summary><c>GET /api/health</c>: the only anonymous route; tells whether storage answers.</summary>
public static class HealthEndpoints
{
    /// <summary>How long the storage probe may take before health reports it unreachable.</summary>
    public static readonly TimeSpan ProbeTimeout = TimeSpan.FromSeconds(3);

    private static readonly string Version =
        typeof(HealthEndpoints).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "0.0.0";

    /// <summary>Maps the health route on the <c>/api</c> group.</summary>
    public static RouteGroupBuilder MapHealthEndpoints(this RouteGroupBuilder api)
    {
        api.MapGet("/health", GetHealthAsync).AllowAnonymous().WithName("GetHealth").WithTags("Health");
        return api;
    }

    private static async Task<Results<Ok<HealthResponse>, JsonHttpResult<HealthResponse>>> GetHealthAsync(
        StorageClients account, ILoggerFactory loggers, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(ProbeTimeout);
        try
        {
            await account.CheckAvailabilityAsync(timeout.Token);
            return TypedResults.Ok(new HealthResponse("ok", "ok", Version));
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested && ex is not OutOfMemoryException)
        {
            // Any failure of the probe, a refused connection or a timeout, means storage is not usable.
            Logs.StorageUnhealthy(loggers.CreateLogger(typeof(HealthEndpoints)), ex.GetType().Name, ex.Message);
            return TypedResults.Json(new HealthResponse("degraded", "unreachable", Version), statusCode: StatusCodes.Status503ServiceUnavailable);
        }
    }
}

/// <summary>Body of <c>GET /api/health</c>.</summary>
/// <param name="Status"><c>ok</c> or <c>degraded</c>.</param>
/// <param name="Storage"><c>ok</c> or <c>unreachable</c>.</param>
/// <param name="Version">The app's version.</param>
public sealed record HealthResponse(string Status, string Storage, string Version);
