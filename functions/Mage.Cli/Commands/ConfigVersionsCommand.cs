using System.CommandLine;
using System.Globalization;
using Mage.Cli.Api;
using Mage.Cli.Output;

namespace Mage.Cli.Commands;

/// <summary><c>mage config versions --service S</c>: the saved versions of a service's configuration.</summary>
internal static class ConfigVersionsCommand
{
    public static Command Create(CliEnvironment environment)
    {
        var service = new Option<string>("--service", "-s") { Description = "Service whose configuration versions to list", Required = true, HelpName = "SERVICE" };
        var options = new ApiOptions();
        var command = options.AddTo(new Command("versions", "List the saved versions of a configuration") { service });
        command.SetAction((parseResult, cancellationToken) => ApiCommandRunner.RunAsync(
            environment, parseResult, options, (session, token) => RunAsync(session, parseResult.GetRequiredValue(service), token), cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(ApiSession session, string service, CancellationToken cancellationToken)
    {
        var versions = await session.Client.GetAsync<ItemsPage<ConfigurationVersion>>($"api/services/{MageClient.Segment(service)}/configuration/versions", cancellationToken);
        if (session.Json)
        {
            await session.WriteJsonAsync(versions.Json);
            return MageApp.Success;
        }

        if (versions.Value.Items.Count == 0)
        {
            await session.Error.WriteLineAsync($"{service} has no saved configuration: mage config save --service {service} FILE");
            return MageApp.Success;
        }

        var table = new TextTable("VERSION", "SAVED", "FORMAT", "SIZE", "SHA256");
        foreach (var version in versions.Value.Items)
        {
            table.Add(version.Version.ToString(CultureInfo.InvariantCulture), Durations.Instant(version.SavedAt), version.Format, Durations.Size(version.Size), version.Sha256);
        }

        await table.WriteAsync(session.Output);
        return MageApp.Success;
    }
}
