using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Mage.Cli.Api;

namespace Mage.Cli.Commands;

/// <summary>
/// <c>mage config show --service S [--version N]</c>: prints a saved configuration (the latest by
/// default) exactly as it was saved, so <c>mage config show … &gt; file</c> and
/// <c>mage config save … file</c> round-trip; the version line goes to stderr.
/// </summary>
internal static class ConfigShowCommand
{
    /// <summary>Fields that may carry the saved document in a JSON answer, in order of preference.</summary>
    private static readonly string[] DocumentFields = ["content", "document", "yaml", "configuration", "body"];

    public static Command Create(CliEnvironment environment)
    {
        var service = new Option<string>("--service", "-s") { Description = "Service whose configuration to show", Required = true, HelpName = "SERVICE" };
        var version = new Option<long?>("--version") { Description = "Saved version to show (default: the latest)", HelpName = "N" };
        var options = new ApiOptions();
        var command = options.AddTo(new Command("show", "Print a saved configuration") { service, version });
        command.SetAction((parseResult, cancellationToken) => ApiCommandRunner.RunAsync(
            environment, parseResult, options,
            (session, token) => RunAsync(session, parseResult.GetRequiredValue(service), parseResult.GetValue(version), token),
            cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(ApiSession session, string service, long? version, CancellationToken cancellationToken)
    {
        var path = $"api/services/{MageClient.Segment(service)}/configuration" + (version is { } v ? string.Create(CultureInfo.InvariantCulture, $"?version={v}") : "");
        var (body, mediaType) = await session.Client.GetTextAsync(path, cancellationToken);
        JsonElement? json = null;
        if (mediaType is not null && mediaType.Contains("json", StringComparison.OrdinalIgnoreCase))
        {
            using var document = JsonDocument.Parse(body);
            json = document.RootElement.Clone();
        }

        if (session.Json)
        {
            // A JSON answer is passed on as it is; a raw document is wrapped so stdout stays JSON.
            await (json is { } answer ? session.WriteJsonAsync(answer) : session.WriteJsonAsync(new { service, version, content = body }));
            return MageApp.Success;
        }

        if (json is not { ValueKind: JsonValueKind.Object } answerObject)
        {
            await session.Output.WriteAsync(body);
            return MageApp.Success;
        }

        if (answerObject.TryGetProperty("version", out var saved))
        {
            var savedAt = answerObject.TryGetProperty("savedAt", out var at) ? $", saved {at}" : "";
            await session.Error.WriteLineAsync($"# {service} configuration version {saved}{savedAt}");
        }

        var content = DocumentFields.Select(name => answerObject.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null)
            .FirstOrDefault(text => text is not null);
        await session.Output.WriteAsync(content ?? JsonSerializer.Serialize(answerObject, MageJson.Output));
        if (content is not null && !content.EndsWith('\n'))
        {
            await session.Output.WriteLineAsync();
        }

        return MageApp.Success;
    }
}
