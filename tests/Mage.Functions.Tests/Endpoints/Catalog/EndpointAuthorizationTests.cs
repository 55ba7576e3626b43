using System.Net;
using System.Text.RegularExpressions;
using Mage.Functions.Tests.Infrastructure;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Mage.Functions.Tests.Endpoints.Catalog;

public sealed partial class EndpointAuthorizationTests
{
    /// <summary>Routes that are anonymous on purpose. Anything else must answer 401 without a key.</summary>
    private static readonly HashSet<string> Anonymous = ["GET /api/health"];

    [Fact]
    public async Task EveryEndpoint_NoKey_Unauthorized()
    {
        await using var app = await MageAppFactory.CreateAsync();
        using var client = app.CreateClient();
        var routes = app.Services.GetRequiredService<EndpointDataSource>().Endpoints
            .OfType<RouteEndpoint>()
            .SelectMany(e => (e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["GET"]).Select(m => (Method: m, Pattern: "/" + e.RoutePattern.RawText!.TrimStart('/'))))
            .Distinct()
            .ToList();
        Assert.Contains(routes, r => r.Pattern == "/api/services/{service}/objects/{name}");

        var failures = new List<string>();
        foreach (var (method, pattern) in routes)
        {
            var path = RouteParameter().Replace(pattern, "dummy1");
            using var request = new HttpRequestMessage(new HttpMethod(method), new Uri(path, UriKind.Relative));
            if (method is "PUT" or "POST" or "PATCH")
            {
                request.Content = new StringContent("{}", System.Text.Encoding.UTF8, "application/json");
            }

            var response = await client.SendAsync(request);
            var anonymous = Anonymous.Contains($"{method} {pattern}");
            if (!anonymous && response.StatusCode != HttpStatusCode.Unauthorized)
            {
                failures.Add($"{method} {pattern} answered {(int)response.StatusCode} without a key");
            }
        }

        Assert.Empty(failures);
    }

    [GeneratedRegex(@"\{[^}]+\}")]
    private static partial Regex RouteParameter();
}
