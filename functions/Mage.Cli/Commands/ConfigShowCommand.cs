using System.CommandLine;
using System.Globalization;
using Mage.Cli.Api;

namespace Mage.Cli.Commands;

/// <summary>
/// <c>mage config show --service S [--version N]</c>: prints a saved configuration (the latest by
/// default) exactly as it was saved, so <c>mage config show … &gt; file</c> and
/// <c>mage config save … file</c> round-trip; the version line goes to stderr.
/// </summary>
internal static class ConfigShowCommand
{
    /// <summary>Response header with the version of the text (api.md, configuration routes).</summary>
    public const string VersionHeader = "x-mage-configuration-version";

    /// <summary>Response header with the SHA-256 of the text.</summary>
    public const string Sha256Header = "x-mage-configuration-sha256";

    public static Command Create(CliEnvironment environment)
    {
        var service = new Option<string>("--service", "-s") { Description = "Service whose configuration to show", Required = true, HelpName = "SERVICE" };
        var version = new Option<long?>("--version") { Description = "Saved version to show (default: the latest)", HelpName = "N" };
        var options = new ApiOptions();
        var command = options.AddTo(new Command("show", "Print a saved configuration as it was saved") { service, version });
        command.SetAction((parseResult, cancellationToken) => ApiCommandRunner.RunAsync(
            environment, parseResult, options,
            (session, token) => RunAsync(session, parseResult.GetRequiredValue(service), parseResult.GetValue(version), token),
            cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(ApiSession session, string service, long? version, CancellationToken cancellationToken)
    {
        var path = $"api/services/{MageClient.Segment(service)}/configuration" + (version is { } v ? string.Create(CultureInfo.InvariantCulture, $"?version={v}") : "");
        var answer = await session.Client.GetTextAsync(path, cancellationToken);
        var savedVersion = answer.Headers.TryGetValue(VersionHeader, out var header) && long.TryParse(header, NumberStyles.None, CultureInfo.InvariantCulture, out var parsed)
            ? parsed
            : version;
        var sha256 = answer.Headers.GetValueOrDefault(Sha256Header);
        if (session.Json)
        {
            var format = answer.MediaType?.Contains("json", StringComparison.OrdinalIgnoreCase) == true ? "json" : "yaml";
            await session.WriteJsonAsync(new { service, version = savedVersion, sha256, format, content = answer.Body });
            return MageApp.Success;
        }

        await session.Error.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"# {service} configuration version {savedVersion?.ToString(CultureInfo.InvariantCulture) ?? "?"}{(sha256 is null ? "" : $" (sha256 {sha256})")}"));
        await session.Output.WriteAsync(answer.Body);
        if (!answer.Body.EndsWith('\n'))
        {
            await session.Output.WriteLineAsync();
        }

        return MageApp.Success;
    }
}
