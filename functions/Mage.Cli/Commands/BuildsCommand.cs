using System.CommandLine;
using System.Globalization;
using Mage.Cli.Api;
using Mage.Cli.Output;

namespace Mage.Cli.Commands;

/// <summary><c>mage builds --service S [--status S] [--tag T] [--top N] [--continuation-token X]</c>: a service's builds, newest first.</summary>
internal static class BuildsCommand
{
    public static Command Create(CliEnvironment environment)
    {
        var service = new Option<string>("--service", "-s") { Description = "Service whose builds to list", Required = true, HelpName = "SERVICE" };
        var status = new Option<string?>("--status") { Description = "Only builds with this status (queued, running, passed, passed_with_failures, failed, killed, timed_out)", HelpName = "STATUS" };
        var tag = new Option<string?>("--tag", "-t") { Description = "Only builds of this tag", HelpName = "TAG" };
        var top = new Option<int?>("--top") { Description = "At most this many builds (1–1000, default 25)", HelpName = "N" };
        var continuation = new Option<string?>("--continuation-token") { Description = "Next page, as printed by the previous page", HelpName = "TOKEN" };
        var options = new ApiOptions();
        var command = options.AddTo(new Command("builds", "List a service's builds, newest first") { service, status, tag, top, continuation });
        command.SetAction((parseResult, cancellationToken) =>
        {
            var query = new List<string>();
            AddQuery(query, "status", parseResult.GetValue(status));
            AddQuery(query, "tag", parseResult.GetValue(tag));
            AddQuery(query, "top", parseResult.GetValue(top)?.ToString(CultureInfo.InvariantCulture));
            AddQuery(query, "continuationToken", parseResult.GetValue(continuation));
            var name = parseResult.GetRequiredValue(service);
            var path = $"api/services/{MageClient.Segment(name)}/builds" + (query.Count == 0 ? "" : "?" + string.Join('&', query));
            return ApiCommandRunner.RunAsync(environment, parseResult, options, (session, token) => RunAsync(session, name, path, token), cancellationToken);
        });
        return command;
    }

    private static void AddQuery(List<string> query, string name, string? value)
    {
        if (!string.IsNullOrEmpty(value))
        {
            query.Add($"{name}={Uri.EscapeDataString(value)}");
        }
    }

    private static async Task<int> RunAsync(ApiSession session, string service, string path, CancellationToken cancellationToken)
    {
        var page = await session.Client.GetAsync<BuildPage>(path, cancellationToken);
        if (session.Json)
        {
            await session.WriteJsonAsync(page.Json);
            return MageApp.Success;
        }

        if (page.Value.Items.Count == 0)
        {
            await session.Error.WriteLineAsync($"no builds of {service} match");
        }
        else
        {
            var table = new TextTable("NUMBER", "ID", "TAG", "STATUS", "CREATED", "TIME");
            foreach (var build in page.Value.Items)
            {
                table.Add(
                    build.Number.ToString(CultureInfo.InvariantCulture), build.Id, build.Tag, BuildStatuses.Describe(build.Status, build.MageStatus),
                    Durations.Instant(build.CreatedAt), Durations.Elapsed(build.StartedAt, build.FinishedAt));
            }

            await table.WriteAsync(session.Output);
        }

        if (page.Value.ContinuationToken is { } next)
        {
            await session.Error.WriteLineAsync($"more: mage builds --service {service} --continuation-token {next}");
        }

        return MageApp.Success;
    }
}
