using System.CommandLine;
using Mage.Cli.Api;
using Mage.Cli.Output;

namespace Mage.Cli.Commands;

/// <summary><c>mage kill ID</c>: stops a queued or running build (a finished one answers 409, exit 3).</summary>
internal static class KillCommand
{
    public static Command Create(CliEnvironment environment)
    {
        var id = new Argument<string>("id") { Description = "Build id" };
        var options = new ApiOptions();
        var command = options.AddTo(new Command("kill", "Stop a queued or running build") { id });
        command.SetAction((parseResult, cancellationToken) => ApiCommandRunner.RunAsync(
            environment, parseResult, options, (session, token) => RunAsync(session, parseResult.GetRequiredValue(id), token), cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(ApiSession session, string id, CancellationToken cancellationToken)
    {
        var answer = await session.Client.SendJsonAsync<BuildSummary>(HttpMethod.Post, $"api/builds/{MageClient.Segment(id)}/kill", null, cancellationToken);
        if (session.Json)
        {
            await session.WriteJsonAsync(answer.Json);
        }
        else if (BuildStatuses.IsFinal(answer.Value.Status))
        {
            await session.Output.WriteLineAsync($"build {id} {answer.Value.Status} before it started");
        }
        else
        {
            await session.Output.WriteLineAsync($"kill requested: build {id} stops its jobs now (see mage status {id})");
        }

        return MageApp.Success;
    }
}
