using System.CommandLine;
using Mage.Cli.Api;
using Mage.Cli.Output;

namespace Mage.Cli.Commands;

/// <summary><c>mage status ID</c>: one build with its stages, jobs and artifacts. Exits 0 whatever the build's status (use <c>--json</c> and read <c>status</c>).</summary>
internal static class StatusCommand
{
    public static Command Create(CliEnvironment environment)
    {
        var id = new Argument<string>("id") { Description = "Build id, e.g. demo-3-ab2cde" };
        var options = new ApiOptions();
        var command = options.AddTo(new Command("status", "Show a build: status, stages, jobs, artifacts, merge request") { id });
        command.SetAction((parseResult, cancellationToken) => ApiCommandRunner.RunAsync(
            environment, parseResult, options, (session, token) => RunAsync(session, parseResult.GetRequiredValue(id), token), cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(ApiSession session, string id, CancellationToken cancellationToken)
    {
        var build = await session.Client.GetAsync<BuildView>($"api/builds/{MageClient.Segment(id)}", cancellationToken);
        if (session.Json)
        {
            await session.WriteJsonAsync(build.Json);
        }
        else
        {
            await BuildText.WriteAsync(session.Output, build.Value);
        }

        return MageApp.Success;
    }
}
