using System.CommandLine;
using Mage.Cli.Api;
using Mage.Cli.Following;
using Mage.Cli.Output;
using Spectre.Console;

namespace Mage.Cli.Commands;

/// <summary>
/// <c>mage submit --service S --tag T [--manifest FILE] [--comment C] [--configuration-version N] [--follow]</c>:
/// starts a build; with <c>--follow</c> shows it to its end and exits 0 when it passed
/// (also with allowed failures) and 1 when it failed, was killed or timed out.
/// </summary>
internal static class SubmitCommand
{
    public static Command Create(CliEnvironment environment)
    {
        var service = new Option<string>("--service", "-s") { Description = "Service to build", Required = true, HelpName = "SERVICE" };
        var tag = new Option<string>("--tag", "-t") { Description = "Tag of the build, e.g. v1.4.0 (one queued or running build per tag)", Required = true, HelpName = "TAG" };
        var manifest = new Option<string?>("--manifest", "-m") { Description = "Manifest file to run (default: the service's default manifest)", HelpName = "FILE" };
        var comment = new Option<string?>("--comment") { Description = "Free text kept with the build", HelpName = "TEXT" };
        var configurationVersion = new Option<long?>("--configuration-version") { Description = "Saved configuration version to generate code from (default: the latest)", HelpName = "N" };
        var follow = new Option<bool>("--follow", "-f") { Description = "Show stages, jobs and logs live until the build ends; exit 0 passed, 1 failed/killed/timed out" };
        var options = new ApiOptions();
        var command = options.AddTo(new Command("submit", "Start a build of a service") { service, tag, manifest, comment, configurationVersion, follow });
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var manifestPath = parseResult.GetValue(manifest);
            string? yaml = null;
            if (manifestPath is not null)
            {
                try
                {
                    yaml = await File.ReadAllTextAsync(manifestPath, cancellationToken);
                }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
                {
                    await environment.Error.WriteLineAsync($"{manifestPath}: error: cannot read the file: {e.Message}");
                    return MageApp.UsageError;
                }
            }

            var request = new SubmitRequest(parseResult.GetRequiredValue(tag), yaml, parseResult.GetValue(configurationVersion), parseResult.GetValue(comment));
            return await ApiCommandRunner.RunAsync(
                environment, parseResult, options,
                (session, token) => RunAsync(session, parseResult.GetRequiredValue(service), request, parseResult.GetValue(follow), token),
                cancellationToken,
                documentName: manifestPath ?? "default-manifest");
        });
        return command;
    }

    private static async Task<int> RunAsync(ApiSession session, string service, SubmitRequest request, bool follow, CancellationToken cancellationToken)
    {
        var accepted = await session.Client.SendJsonAsync<BuildAccepted>(HttpMethod.Post, $"api/services/{MageClient.Segment(service)}/builds", request, cancellationToken);
        var build = accepted.Value;
        if (!follow)
        {
            if (session.Json)
            {
                await session.WriteJsonAsync(accepted.Json);
            }
            else
            {
                await session.Output.WriteLineAsync($"{BuildText.Title(build.Id, build.Number, build.Service, build.Tag)} · {build.Status}");
                await session.Output.WriteLineAsync($"follow it: mage status {build.Id}   (or submit with --follow)");
            }

            return MageApp.Success;
        }

        var follower = new BuildFollower(session.Client, session.Environment.PollInterval);
        try
        {
            var final = await FollowAsync(session, follower, build, cancellationToken);
            if (session.Json)
            {
                await session.WriteJsonAsync(final.Json);
            }

            return BuildStatuses.IsSuccess(final.Value.Status) ? MageApp.Success : MageApp.Failure;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            await session.Error.WriteLineAsync($"mage: stopped following; build {build.Id} goes on (mage status {build.Id}, mage kill {build.Id})");
            return ApiCommandRunner.Interrupted;
        }
    }

    private static async Task<ApiResult<BuildView>> FollowAsync(ApiSession session, BuildFollower follower, BuildAccepted build, CancellationToken cancellationToken)
    {
        var title = BuildText.Title(build.Id, build.Number, build.Service, build.Tag);
        if (session.Json)
        {
            // stdout carries only the final JSON document.
            return await follower.FollowAsync(build.Id, new PlainBuildProgress(TextWriter.Null), cancellationToken);
        }

        if (session.Environment.CreateLiveConsole() is not { } console)
        {
            await session.Output.WriteLineAsync($"{title} · {build.Status}");
            return await follower.FollowAsync(build.Id, new PlainBuildProgress(session.Output, build.Status), cancellationToken);
        }

        ApiResult<BuildView>? final = null;
        await console.Live(LiveBuildProgress.Initial(title))
            .AutoClear(false)
            .Overflow(VerticalOverflow.Ellipsis)
            .Cropping(VerticalOverflowCropping.Top)
            .StartAsync(async context => final = await follower.FollowAsync(build.Id, new LiveBuildProgress(context, title), cancellationToken));
        console.WriteLine(PlainBuildProgress.FinalLine(final!.Value));
        return final;
    }
}
