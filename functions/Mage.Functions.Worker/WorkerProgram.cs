using Mage.Functions.Worker.Hosting;
using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Extensions.Hosting;

namespace Mage.Functions.Worker;

/// <summary>
/// Entry point of the isolated worker that the Azure Functions host starts. It is never started
/// by hand: the standalone app is <c>dotnet run --project functions/Mage.Functions</c>.
/// </summary>
internal static class WorkerProgram
{
    private static async Task Main(string[] args)
    {
        var builder = FunctionsApplication.CreateBuilder(args);
        builder.ConfigureFunctionsWebApplication();
        builder.Services.AddMageFunctionsWorker(builder.Configuration);
        using var host = builder.Build();
        await host.RunAsync();
    }
}
