using Mage.Functions.Worker.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Abstractions;
using Microsoft.AspNetCore.Routing;
using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Azure.Functions.Worker.Extensions.DurableTask;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Mage.Functions.Worker.Tests.Infrastructure;

/// <summary>
/// The isolated worker's services, composed as <c>WorkerProgram</c> composes them
/// (<see cref="FunctionsApplication"/>, <c>ConfigureFunctionsWebApplication</c>,
/// <see cref="WorkerServiceCollectionExtensions.AddMageFunctionsWorker"/>). The Functions host is
/// not available here, so the worker's channel to it is never started: only the app's own hosted
/// services (those of the Mage assemblies, which the host's start would run) are, and functions are
/// called in-process with a real <see cref="HttpContext"/>, as the ASP.NET Core integration calls them.
/// </summary>
public sealed class WorkerApp : IAsyncDisposable
{
    private readonly IHost _host;
    private readonly List<IHostedService> _started = [];

    private WorkerApp(IHost host, IReadOnlyList<Type> appHostedServices)
    {
        _host = host;
        AppHostedServices = appHostedServices;
    }

    /// <summary>The worker's root services.</summary>
    public IServiceProvider Services => _host.Services;

    /// <summary>
    /// Types of the app's hosted services registered in the worker (those of the Mage assemblies; the
    /// Functions worker's own need the host's endpoint and cannot even be constructed here).
    /// </summary>
    public IReadOnlyList<Type> AppHostedServices { get; }

    /// <summary>Composes the worker over <paramref name="settings"/>, not started.</summary>
    public static WorkerApp Create(IReadOnlyDictionary<string, string?> settings)
    {
        var builder = FunctionsApplication.CreateBuilder([]);

        // The worker's generated startup code runs the extensions' startups in CreateBuilder; with the
        // test host as entry assembly it does not, so the Durable extension's is run here, in its place.
        new DurableTaskExtensionStartup().Configure(builder);
        builder.ConfigureFunctionsWebApplication();
        builder.Configuration.AddInMemoryCollection(settings);
        builder.Services.AddMageFunctionsWorker(builder.Configuration);
        var hosted = builder.Services
            .Where(d => d.ServiceType == typeof(IHostedService) && !d.IsKeyedService && d.ImplementationType?.Assembly.GetName().Name?.StartsWith("Mage.", StringComparison.Ordinal) == true)
            .Select(d => d.ImplementationType!)
            .ToList();
        return new WorkerApp(builder.Build(), hosted);
    }

    /// <summary>
    /// Composes the worker and starts one instance of each of <see cref="AppHostedServices"/> (storage
    /// initialisation and the like), as the host's start of the worker would.
    /// </summary>
    public static async Task<WorkerApp> StartAsync(IReadOnlyDictionary<string, string?> settings)
    {
        var worker = Create(settings);
        foreach (var type in worker.AppHostedServices)
        {
            var service = (IHostedService)ActivatorUtilities.CreateInstance(worker.Services, type);
            await service.StartAsync(CancellationToken.None);
            worker._started.Add(service);
        }

        return worker;
    }

    /// <summary>
    /// Runs one HTTP function: <paramref name="invoke"/> gets the request (as the trigger binds it)
    /// and returns the function's result, which is executed against the same context.
    /// </summary>
    public async Task<ExchangeResult> InvokeAsync(RequestSpec request, Func<IServiceProvider, HttpRequest, IActionResult> invoke)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(invoke);
        await using var scope = Services.CreateAsyncScope();
        var context = new DefaultHttpContext { RequestServices = scope.ServiceProvider };
        var pathAndQuery = request.PathAndQuery.Split('?', 2);
        context.Request.Method = request.Method.Method;
        context.Request.Scheme = "http";
        context.Request.Host = new HostString("localhost");
        context.Request.Path = pathAndQuery[0];
        context.Request.QueryString = pathAndQuery.Length > 1 ? new QueryString("?" + pathAndQuery[1]) : QueryString.Empty;
        foreach (var (name, value) in request.Headers)
        {
            context.Request.Headers[name] = value;
        }

        // A server tells endpoints whether the request can carry a body (minimal APIs bind none otherwise).
        context.Features.Set<IHttpRequestBodyDetectionFeature>(new RequestBodyDetection(request.Body is not null));
        if (request.Body is { } body)
        {
            context.Request.Body = new MemoryStream(body);
            context.Request.ContentLength = body.Length;
            context.Request.ContentType = request.ContentType;
        }

        using var responseBody = new MemoryStream();
        context.Response.Body = responseBody;
        var result = invoke(scope.ServiceProvider, context.Request);
        await result.ExecuteResultAsync(new ActionContext(context, new RouteData(), new ActionDescriptor()));

        var headers = ExchangeResult.ComparedHeaders
            .Where(h => context.Response.Headers.ContainsKey(h))
            .ToDictionary(h => h, h => context.Response.Headers[h].ToString(), StringComparer.OrdinalIgnoreCase);
        return new ExchangeResult(context.Response.StatusCode, context.Response.ContentType, headers,
            System.Text.Encoding.UTF8.GetString(responseBody.ToArray()));
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        for (var i = _started.Count - 1; i >= 0; i--)
        {
            await _started[i].StopAsync(CancellationToken.None);
        }

        if (_host is IAsyncDisposable asyncDisposable)
        {
            await asyncDisposable.DisposeAsync();
        }
        else
        {
            _host.Dispose();
        }
    }

    private sealed class RequestBodyDetection(bool canHaveBody) : IHttpRequestBodyDetectionFeature
    {
        public bool CanHaveBody { get; } = canHaveBody;
    }
}
