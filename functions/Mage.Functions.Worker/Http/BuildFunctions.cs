using Mage.Functions.Worker.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Mage.Functions.Worker.Durable;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;

namespace Mage.Functions.Worker.Http;

/// <summary>
/// Builds: submit and list per service, read, kill, the manifest as submitted. Submit and kill
/// reach the task hub, so they take the host's Durable Functions client (<c>[DurableClient]</c>)
/// and hand it to <see cref="HostDurableTaskClient"/> before the endpoint runs.
/// </summary>
public sealed class BuildFunctions(MageApiPipeline pipeline, HostDurableTaskClient durable) : ApiFunctions(pipeline)
{
    /// <summary>GET POST /api/services/{service}/builds.</summary>
    [Function("ServiceBuilds")]
    public IActionResult ServiceBuilds(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", "post", Route = "services/{service}/builds")] HttpRequest request,
        [DurableClient] DurableTaskClient client) => AnswerWith(client, request);

    /// <summary>GET /api/builds/{id}.</summary>
    [Function("Build")]
    public IActionResult Build([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "builds/{id}")] HttpRequest request) => Answer(request);

    /// <summary>POST /api/builds/{id}/kill.</summary>
    [Function("KillBuild")]
    public IActionResult KillBuild(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "builds/{id}/kill")] HttpRequest request,
        [DurableClient] DurableTaskClient client) => AnswerWith(client, request);

    /// <summary>GET /api/builds/{id}/manifest.</summary>
    [Function("BuildManifest")]
    public IActionResult BuildManifest([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "builds/{id}/manifest")] HttpRequest request) => Answer(request);

    private IActionResult AnswerWith(DurableTaskClient client, HttpRequest request)
    {
        durable.Bind(client);
        return Answer(request);
    }
}
