using System.CommandLine;
using Mage.Cli.Api;
using Mage.Cli.Output;

namespace Mage.Cli.Commands;

/// <summary>
/// Runs the body of a verb that talks to the API: resolves the address and key (options
/// first, then <c>MAGE_URL</c>/<c>MAGE_KEY</c>), and turns every failure into its report and
/// exit code, so no verb handles HTTP errors itself.
/// </summary>
internal static class ApiCommandRunner
{
    /// <summary>Exit code when the user interrupts (Ctrl+C), the shell convention 128 + SIGINT.</summary>
    public const int Interrupted = 130;

    /// <summary>
    /// Runs <paramref name="body"/>. <paramref name="documentName"/> is the file a 400's
    /// positioned items refer to (the manifest or configuration that was sent).
    /// </summary>
    public static async Task<int> RunAsync(
        CliEnvironment environment, ParseResult parseResult, ApiOptions options, Func<ApiSession, CancellationToken, Task<int>> body,
        CancellationToken cancellationToken, string? documentName = null)
    {
        var json = parseResult.GetValue(options.Json);
        var url = FirstSet(parseResult.GetValue(options.Url), environment.GetVariable(ApiOptions.UrlVariable)) ?? MageClient.DefaultUrl;
        if (!MageClient.TryParseBaseUrl(url, out var baseUrl))
        {
            await environment.Error.WriteLineAsync($"mage: '{url}' (--url or {ApiOptions.UrlVariable}) is not an http(s) address such as {MageClient.DefaultUrl}");
            return MageApp.UsageError;
        }

        var key = FirstSet(parseResult.GetValue(options.Key), environment.GetVariable(ApiOptions.KeyVariable));
        using var client = new MageClient(baseUrl, key, environment.CreateHttpHandler?.Invoke() ?? new SocketsHttpHandler());
        var session = new ApiSession(client, environment, json);
        var jsonOutput = json ? environment.Output : null;
        try
        {
            return await body(session, cancellationToken);
        }
        catch (MageApiException e)
        {
            await ProblemReport.WriteAsync(environment.Error, jsonOutput, e.Problem, documentName, client.HasKey);
            return e.Problem.IsValidation ? MageApp.Failure : MageApp.ApiError;
        }
        catch (MageUnreachableException e)
        {
            await ProblemReport.WriteAsync(environment.Error, jsonOutput, e);
            return MageApp.ApiError;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            await environment.Error.WriteLineAsync("mage: interrupted");
            return Interrupted;
        }
    }

    private static string? FirstSet(params string?[] values) => values.FirstOrDefault(v => !string.IsNullOrWhiteSpace(v));
}
