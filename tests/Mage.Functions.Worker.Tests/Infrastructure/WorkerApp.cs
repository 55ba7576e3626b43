using Mage.Functions.Worker.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Abstractions;
using Microsoft.AspNetCore.Routing;
using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Mage.Functions.Worker.Tests.Infrastructure;

/// <summary>
/// The isolated worker's services, composed as <c>WorkerProgram</c> composes them
/// (<see cref="FunctionsApplication"/>, <c>ConfigureFunctionsWebApplication</c>,
/// <see cref="WorkerServiceCollectionExtensions.AddMageFunctionsWorker"/>), but not started: the
/// Functions host is not available here, so functions are called in-process with a real
/// <see cref="HttpContext"/>, as the host's HTTP proxying would call them.
/// </summary>
public sealed class WorkerApp : IAsyncDisposable
{
    private readonly IHost _host;

    private WorkerApp(IHost host) => _host = host;

    /// <summary>The worker's root services.</summary>
    public IServiceProvider Services => _host.Services;

    /// <summary>Composes the worker over <paramref name="settings"/>.</summary>
    public static WorkerApp Create(IReadOnlyDictionary<string, string?> settings)
    {
        var builder = FunctionsApplication.CreateBuilder([]);
        builder.ConfigureFunctionsWebApplication();
        builder.Configuration.AddInMemoryCollection(settings);
        builder.Services.AddMageFunctionsWorker(builder.Configuration);
        return new WorkerApp(builder.Build());
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
        if (_host is IAsyncDisposable asyncDisposable)
        {
            await asyncDisposable.DisposeAsync();
        }
        else
        {
            _host.Dispose();
        }
    }
}
