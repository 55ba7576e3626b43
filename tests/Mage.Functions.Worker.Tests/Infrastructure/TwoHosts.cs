using System.Text.Json;
using System.Text.Json.Nodes;
using Mage.Testing;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.DependencyInjection;

namespace Mage.Functions.Worker.Tests.Infrastructure;

/// <summary>
/// The standalone app and the isolated worker on one set of settings (the test run's Azurite, one
/// task hub, one admin key), so that a request answered by both must get the same answer.
/// </summary>
public sealed class TwoHosts : IAsyncDisposable
{
    private TwoHosts(Dictionary<string, string?> settings, WorkerApp worker)
    {
        Settings = settings;
        Standalone = new StandaloneApp(settings);
        Worker = worker;
    }

    /// <summary>The settings both hosts run with.</summary>
    public IReadOnlyDictionary<string, string?> Settings { get; }

    /// <summary>The admin key both accept.</summary>
    public string AdminKey => Settings["Mage:AdminKey"]!;

    /// <summary>functions/Mage.Functions in memory.</summary>
    public StandaloneApp Standalone { get; }

    /// <summary>functions/Mage.Functions.Worker's services, with the app's hosted services started.</summary>
    public WorkerApp Worker { get; }

    /// <summary>
    /// What a <c>[DurableClient]</c> binding delivers to a worker function here: a client of the task
    /// hub both hosts share (the Functions host's own client needs the host; this one is the
    /// standalone engine's, whose TaskHubWorker runs what the worker schedules).
    /// </summary>
    public DurableTaskClient DurableClient => Standalone.Services.GetRequiredService<DurableTaskClient>();

    /// <summary>Both hosts on the shared Azurite.</summary>
    public static async Task<TwoHosts> StartAsync()
    {
        var azurite = await TestAzurite.GetAsync();
        var settings = TestAppSettings.Create(azurite.ConnectionString, "fn");
        return new TwoHosts(settings, await WorkerApp.StartAsync(settings));
    }

    /// <summary>Sends <paramref name="request"/> to the standalone app.</summary>
    public async Task<ExchangeResult> SendStandaloneAsync(RequestSpec request)
    {
        ArgumentNullException.ThrowIfNull(request);
        using var client = Standalone.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        using var message = new HttpRequestMessage(request.Method, new Uri(request.PathAndQuery, UriKind.Relative));
        foreach (var (name, value) in request.Headers)
        {
            message.Headers.TryAddWithoutValidation(name, value);
        }

        if (request.Body is { } body)
        {
            message.Content = new ByteArrayContent(body);
            message.Content.Headers.TryAddWithoutValidation("Content-Type", request.ContentType);
        }

        using var response = await client.SendAsync(message);
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var name in ExchangeResult.ComparedHeaders)
        {
            if (response.Headers.TryGetValues(name, out var values) || response.Content.Headers.TryGetValues(name, out values))
            {
                headers[name] = string.Join(", ", values);
            }
        }

        return new ExchangeResult((int)response.StatusCode, response.Content.Headers.ContentType?.ToString(), headers,
            await response.Content.ReadAsStringAsync());
    }

    /// <summary>
    /// Sends <paramref name="request"/> to the standalone app and to the worker function chosen by
    /// <paramref name="function"/>, asserts that both answers are the same, and returns it.
    /// </summary>
    /// <remarks>
    /// The function class is created from the worker's invocation services, as the worker's function
    /// activator creates it.
    /// </remarks>
    public async Task<ExchangeResult> AssertSameAnswerAsync<TFunctions>(RequestSpec request, Func<TFunctions, HttpRequest, IActionResult> function)
        where TFunctions : class
    {
        ArgumentNullException.ThrowIfNull(function);
        var standalone = await SendStandaloneAsync(request);
        var worker = await Worker.InvokeAsync(request, (sp, http) => function(ActivatorUtilities.CreateInstance<TFunctions>(sp), http));

        var what = $"{request.Method} {request.PathAndQuery}";
        Assert.True(standalone.Status == worker.Status, $"{what}: standalone {standalone}\n--- worker {worker}");
        Assert.Equal(Normalize(standalone.ContentType), Normalize(worker.ContentType));
        Assert.Equal(standalone.Headers.OrderBy(h => h.Key), worker.Headers.OrderBy(h => h.Key));
        Assert.Equal(ComparableBody(standalone), ComparableBody(worker));
        return standalone;
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await Worker.DisposeAsync();
        await Standalone.DisposeAsync();
    }

    private static string? Normalize(string? contentType) => contentType?.Replace(" ", string.Empty, StringComparison.Ordinal).ToUpperInvariant();

    /// <summary>The body, with JSON's per-request <c>traceId</c> (problem details) taken out.</summary>
    private static string ComparableBody(ExchangeResult result)
    {
        if (result.ContentType?.Contains("json", StringComparison.OrdinalIgnoreCase) != true || result.Body.Length == 0)
        {
            return result.Body;
        }

        var node = JsonNode.Parse(result.Body);
        if (node is JsonObject obj)
        {
            obj.Remove("traceId");
        }

        return node?.ToJsonString(new JsonSerializerOptions { WriteIndented = false }) ?? string.Empty;
    }
}
