using System.CommandLine;
using System.Globalization;
using System.Net.Http.Headers;
using Mage.Cli.Api;
using Mage.Cli.Output;

namespace Mage.Cli.Commands;

/// <summary>
/// <c>mage config save --service S FILE</c>: saves FILE (YAML, or JSON when it ends in .json) as
/// the service's next configuration version. An invalid file prints each problem as
/// <c>FILE:LINE:COL: error: message</c> and exits 1; warnings are printed the same way and do not stop the save.
/// </summary>
internal static class ConfigSaveCommand
{
    public static Command Create(CliEnvironment environment)
    {
        var service = new Option<string>("--service", "-s") { Description = "Service whose configuration to save", Required = true, HelpName = "SERVICE" };
        var file = new Argument<string>("file") { Description = "Configuration file (YAML, or JSON when it ends in .json)" };
        var options = new ApiOptions();
        var command = options.AddTo(new Command("save", "Save a configuration file as the service's next version") { service, file });
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var path = parseResult.GetRequiredValue(file);
            byte[] content;
            try
            {
                content = await File.ReadAllBytesAsync(path, cancellationToken);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
            {
                await environment.Error.WriteLineAsync($"{path}: error: cannot read the file: {e.Message}");
                return MageApp.UsageError;
            }

            var mediaType = path.EndsWith(".json", StringComparison.OrdinalIgnoreCase) ? "application/json" : "application/yaml";
            return await ApiCommandRunner.RunAsync(
                environment, parseResult, options,
                (session, token) => RunAsync(session, parseResult.GetRequiredValue(service), path, content, mediaType, token),
                cancellationToken,
                documentName: path);
        });
        return command;
    }

    private static async Task<int> RunAsync(ApiSession session, string service, string path, byte[] content, string mediaType, CancellationToken cancellationToken)
    {
        using var body = new ByteArrayContent(content);
        body.Headers.ContentType = new MediaTypeHeaderValue(mediaType) { CharSet = "utf-8" };
        var saved = await session.Client.SendContentAsync<ConfigurationSaved>(HttpMethod.Put, $"api/services/{MageClient.Segment(service)}/configuration", body, cancellationToken);
        // Warnings did not stop the save; they read like mage validate's, against the file.
        foreach (var warning in saved.Value.Warnings ?? [])
        {
            await session.Error.WriteLineAsync(ProblemReport.ItemLine(warning with { Severity = warning.Severity ?? "warning" }, path));
        }

        if (session.Json)
        {
            await session.WriteJsonAsync(saved.Json);
        }
        else
        {
            await session.Output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"saved configuration of {service} as version {saved.Value.Version}{(saved.Value.Sha256 is null ? "" : $" (sha256 {saved.Value.Sha256})")}"));
        }

        return MageApp.Success;
    }
}
