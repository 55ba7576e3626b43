using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Mage.Functions.Security;
using Mage.Functions.Tests.Endpoints.Webhooks;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Mage.Functions.Tests.Security;

/// <summary>
/// Every route the app maps (read from its endpoint data source, so a new route is checked
/// without editing this test) against no key, a wrong key and another service's key.
/// </summary>
public sealed partial class RouteAccessTests
{
    /// <summary>Routes that are anonymous on purpose.</summary>
    private static readonly HashSet<string> Anonymous = ["GET /api/health"];

    [Fact]
    public async Task EveryRoute_NoKeyWrongKeyOrOtherServicesKey_UnauthorizedOrNotFound()
    {
        await using var s = await WebhookScenario.StartAsync();
        var real = await CreateResourcesAsync(s);
        var other = TestNamesFor(s);
        await s.Api.CreateServiceAsync(other);
        var otherKey = await CreateKeyAsync(s, other);

        using var noKey = s.App.CreateClient();
        using var wrongKey = s.App.CreateClientWithKey("mage_svc_" + new string('A', 43));
        using var otherService = s.App.CreateClientWithKey(otherKey);
        var routes = s.App.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .SelectMany(e => (e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["GET"]).Select(m => (
                Method: m,
                Pattern: "/" + e.RoutePattern.RawText!.TrimStart('/'),
                AdminOnly: e.Metadata.GetOrderedMetadata<IAuthorizeData>().Any(a => a.Policy == MageClaims.AdminPolicy))))
            .Where(r => !Anonymous.Contains($"{r.Method} {r.Pattern}"))
            .Distinct()
            .ToList();
        Assert.Contains(routes, r => r.Pattern == "/api/services/{service}/webhooks/{id}/deliveries");

        var failures = new List<string>();
        foreach (var (method, pattern, adminOnly) in routes)
        {
            var path = Fill(pattern, s.Service, real);
            Expect(failures, method, pattern, "no key", await SendAsync(noKey, method, path), HttpStatusCode.Unauthorized);
            Expect(failures, method, pattern, "wrong key", await SendAsync(wrongKey, method, path), HttpStatusCode.Unauthorized);
            if (IsServiceScoped(pattern))
            {
                // Another service's resources look exactly like missing ones; admin-only routes refuse any service key.
                Expect(failures, method, pattern, "other service's key", await SendAsync(otherService, method, path), adminOnly ? HttpStatusCode.Forbidden : HttpStatusCode.NotFound);
            }
        }

        Assert.Empty(failures);

        // The resources are still there: nothing above changed them.
        Assert.Equal(HttpStatusCode.OK, (await s.Admin.GetAsync(new Uri($"/api/services/{s.Service}/webhooks/{real["webhook"]}", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await s.Admin.GetAsync(new Uri($"/api/builds/{real["build"]}", UriKind.Relative))).StatusCode);
    }

    private static bool IsServiceScoped(string pattern) =>
        pattern.StartsWith("/api/services/{service}", StringComparison.Ordinal) || pattern.StartsWith("/api/builds/{id}", StringComparison.Ordinal);

    private static string Fill(string pattern, string service, IReadOnlyDictionary<string, string> real) =>
        RouteParameter().Replace(pattern, m =>
        {
            var name = m.Groups["name"].Value;
            var id = pattern.StartsWith("/api/builds/", StringComparison.Ordinal) ? real["build"]
                : pattern.Contains("/keys/", StringComparison.Ordinal) ? real["key"]
                : real["webhook"];
            return name switch
            {
                "service" => service,
                "id" => id,
                "deliveryId" => real["delivery"],
                "name" => "a.bin",
                "key" => "KEY",
                "job" => "one.1",
                _ => "x",
            };
        });

    private static async Task<HttpStatusCode> SendAsync(HttpClient client, string method, string path)
    {
        using var request = new HttpRequestMessage(new HttpMethod(method), new Uri(path, UriKind.Relative));
        if (method is "PUT" or "POST" or "PATCH")
        {
            request.Content = new StringContent("{\"value\":\"changed\",\"displayName\":\"x\",\"url\":\"http://127.0.0.1:9/x\",\"tag\":\"v9\"}", System.Text.Encoding.UTF8, "application/json");
        }

        using var response = await client.SendAsync(request);
        return response.StatusCode;
    }

    private static void Expect(List<string> failures, string method, string pattern, string who, HttpStatusCode actual, HttpStatusCode expected)
    {
        if (actual != expected)
        {
            failures.Add($"{method} {pattern} with {who}: {(int)actual}, expected {(int)expected}");
        }
    }

    private static async Task<Dictionary<string, string>> CreateResourcesAsync(WebhookScenario s)
    {
        var svc = s.Service;
        Assert.True((await s.Admin.PutAsJsonAsync(new Uri($"/api/services/{svc}/variables/KEY", UriKind.Relative), new { value = "a-value" })).IsSuccessStatusCode);
        Assert.True((await s.Admin.PutAsync(new Uri($"/api/services/{svc}/objects/a.bin", UriKind.Relative), new ByteArrayContent([1, 2, 3]))).IsSuccessStatusCode);
        var (webhook, _) = await s.SubscribeAsync();
        var build = await s.Api.SubmitAcceptedAsync(svc, "v1", BuildWebhookTests.Trivial);
        await s.Api.WaitForEndAsync(build.Id);
        var delivery = (await s.Receiver.WaitForAsync(1))[0].Header("webhook-id")!;
        var keyResponse = await s.Admin.PostAsync(new Uri($"/api/services/{svc}/keys", UriKind.Relative), null);
        using var key = JsonDocument.Parse(await keyResponse.Content.ReadAsStringAsync());
        return new()
        {
            ["webhook"] = webhook,
            ["build"] = build.Id,
            ["delivery"] = delivery,
            ["key"] = key.RootElement.GetProperty("id").GetString()!,
        };
    }

    private static async Task<string> CreateKeyAsync(WebhookScenario s, string service)
    {
        var response = await s.Admin.PostAsync(new Uri($"/api/services/{service}/keys", UriKind.Relative), null);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return json.RootElement.GetProperty("key").GetString()!;
    }

    private static string TestNamesFor(WebhookScenario s) => s.Service + "-other";

    [GeneratedRegex(@"\{\**(?<name>[A-Za-z]+)[^}]*\}")]
    private static partial Regex RouteParameter();
}
