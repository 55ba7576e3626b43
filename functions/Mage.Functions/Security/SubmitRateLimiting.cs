using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;

namespace Mage.Functions.Security;

/// <summary>
/// Per-key rate limit on build submission (<c>POST /api/services/{service}/builds</c>, endpoint
/// <c>SubmitBuild</c>): a fixed one-minute window of <c>Mage:RateLimits:SubmitPerMinute</c> requests
/// (default 60) per key; beyond it 429 with <c>Retry-After</c> and a problem body. Other routes are
/// not limited. Needs <c>app.UseRateLimiter()</c> after authentication, which names the key.
/// </summary>
public static class SubmitRateLimiting
{
    /// <summary>The endpoint name of the build trigger.</summary>
    public const string SubmitEndpointName = "SubmitBuild";

    /// <summary>Default submissions per key per minute.</summary>
    public const int DefaultPerMinute = 60;

    /// <summary>Adds the limiter; a malformed setting stops start-up with a message naming it.</summary>
    public static IServiceCollection AddSubmitRateLimiting(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var perMinute = DefaultPerMinute;
        if (configuration["Mage:RateLimits:SubmitPerMinute"] is { Length: > 0 } text
            && (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out perMinute) || perMinute < 1))
        {
            throw new InvalidOperationException($"Mage__RateLimits__SubmitPerMinute '{text}' must be a whole number of at least 1.");
        }

        services.AddRateLimiter(options =>
        {
            options.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(context =>
                context.GetEndpoint()?.Metadata.GetMetadata<IEndpointNameMetadata>()?.EndpointName == SubmitEndpointName
                    ? RateLimitPartition.GetFixedWindowLimiter(PartitionOf(context), _ => new FixedWindowRateLimiterOptions
                    {
                        PermitLimit = perMinute,
                        Window = TimeSpan.FromMinutes(1),
                        QueueLimit = 0,
                    })
                    : RateLimitPartition.GetNoLimiter(""));
            options.OnRejected = RejectAsync;
        });
        return services;
    }

    // The key itself is never kept: the partition is its hash (authentication already checked it).
    private static string PartitionOf(HttpContext context)
    {
        var key = context.Request.Headers[FunctionsKeyAuthenticationHandler.HeaderName].FirstOrDefault() ?? context.Request.Query["code"].FirstOrDefault() ?? "";
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)));
    }

    private static async ValueTask RejectAsync(OnRejectedContext rejected, CancellationToken cancellationToken)
    {
        var http = rejected.HttpContext;
        var wait = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) ? retryAfter : TimeSpan.FromMinutes(1);
        var seconds = Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds));
        http.Response.StatusCode = StatusCodes.Status429TooManyRequests;
        http.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        await Results.Problem(
            statusCode: StatusCodes.Status429TooManyRequests,
            title: "Too Many Requests",
            detail: $"This key submitted too many builds in the last minute; try again in {seconds} s. The limit per key is the setting Mage__RateLimits__SubmitPerMinute.")
            .ExecuteAsync(http);
    }
}
