using System.CommandLine;
using Mage.Cli.Api;

namespace Mage.Cli.Commands;

/// <summary><c>mage logs ID JOB [-f]</c>: a job's log; with <c>-f</c> it streams until the job ends.</summary>
internal static class LogsCommand
{
    public static Command Create(CliEnvironment environment)
    {
        var id = new Argument<string>("id") { Description = "Build id" };
        var job = new Argument<string>("job") { Description = "Job name, e.g. build.1 (see mage status ID)" };
        var follow = new Option<bool>("--follow", "-f") { Description = "Keep streaming new output until the job ends" };
        var options = new ApiOptions();
        var command = options.AddTo(new Command("logs", "Print a job's log") { id, job, follow });
        command.SetAction((parseResult, cancellationToken) => ApiCommandRunner.RunAsync(
            environment, parseResult, options,
            (session, token) => RunAsync(session, parseResult.GetRequiredValue(id), parseResult.GetRequiredValue(job), parseResult.GetValue(follow), token),
            cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(ApiSession session, string id, string job, bool follow, CancellationToken cancellationToken)
    {
        var path = $"api/builds/{MageClient.Segment(id)}/jobs/{MageClient.Segment(job)}/log{(follow ? "?follow=true" : "")}";
        using var response = await session.Client.OpenStreamAsync(path, cancellationToken);
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync(cancellationToken));
        if (session.Json)
        {
            // One document at the end; with -f that is when the job ends.
            var log = await reader.ReadToEndAsync(cancellationToken);
            await session.WriteJsonAsync(new { id, job, log });
            return MageApp.Success;
        }

        var buffer = new char[8192];
        int read;
        while ((read = await reader.ReadAsync(buffer, cancellationToken)) > 0)
        {
            await session.Output.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
            await session.Output.FlushAsync(cancellationToken);
        }

        return MageApp.Success;
    }
}
