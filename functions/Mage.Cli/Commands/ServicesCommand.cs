using System.CommandLine;
using Mage.Cli.Api;
using Mage.Cli.Output;

namespace Mage.Cli.Commands;

/// <summary><c>mage services</c>: the services the key may see.</summary>
internal static class ServicesCommand
{
    public static Command Create(CliEnvironment environment)
    {
        var options = new ApiOptions();
        var command = options.AddTo(new Command("services", "List the services this key may see"));
        command.SetAction((parseResult, cancellationToken) => ApiCommandRunner.RunAsync(environment, parseResult, options, RunAsync, cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(ApiSession session, CancellationToken cancellationToken)
    {
        var services = await session.Client.GetAsync<ItemsPage<ServiceView>>("api/services", cancellationToken);
        if (session.Json)
        {
            await session.WriteJsonAsync(services.Json);
            return MageApp.Success;
        }

        if (services.Value.Items.Count == 0)
        {
            await session.Error.WriteLineAsync("no services yet: an admin creates one with PUT /api/services/{name}");
            return MageApp.Success;
        }

        var table = new TextTable("NAME", "DISPLAY NAME", "REPOSITORY", "CREATED");
        foreach (var service in services.Value.Items)
        {
            var repository = service.Repository is { } r ? $"{r.Provider} {r.Url}{(r.TargetBranch is null ? "" : $" ({r.TargetBranch})")}" : "-";
            table.Add(service.Name, service.DisplayName ?? "-", repository, Durations.Instant(service.CreatedAt));
        }

        await table.WriteAsync(session.Output);
        return MageApp.Success;
    }
}
