using System.Collections.Concurrent;
using Mage.Cli.Api;
using Mage.Cli.Output;

namespace Mage.Cli.Following;

/// <summary>
/// Follows a build to its end: reads it every poll interval, and streams the log of every job
/// that has started (<c>GET …/jobs/{job}/log?follow=true</c>, which the service ends when the
/// job ends), so parallel jobs show their output as it comes.
/// </summary>
/// <remarks>One instance per followed build.</remarks>
internal sealed class BuildFollower(MageClient client, TimeSpan pollInterval)
{
    /// <summary>
    /// How long logs may go on after the build is final. A followed log ends when its job does,
    /// so this only bounds the wait if a job's record never reaches a final status.
    /// </summary>
    public static readonly TimeSpan LogDrainLimit = TimeSpan.FromSeconds(30);

    private readonly ConcurrentDictionary<string, Task> _logs = new(StringComparer.Ordinal);

    /// <summary>Follows build <paramref name="id"/> until it is final and its logs are drained; returns the final view.</summary>
    public async Task<ApiResult<BuildView>> FollowAsync(string id, IBuildProgress progress, CancellationToken cancellationToken)
    {
        var path = $"api/builds/{MageClient.Segment(id)}";
        using var logsCancellation = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        while (true)
        {
            var build = (await client.GetAsync<BuildView>(path, cancellationToken)).Value;
            foreach (var (_, job) in build.Jobs)
            {
                if (job.Status is not (BuildStatuses.Queued or BuildStatuses.Skipped) && !_logs.ContainsKey(job.Name))
                {
                    _logs[job.Name] = StreamLogAsync(id, job.Name, progress, logsCancellation.Token);
                }
            }

            progress.Update(build, IsDrained);
            if (BuildStatuses.IsFinal(build.Status))
            {
                break;
            }

            await Task.Delay(pollInterval, cancellationToken);
        }

        var drained = Task.WhenAll(_logs.Values);
        if (await Task.WhenAny(drained, Task.Delay(LogDrainLimit, cancellationToken)) != drained)
        {
            await logsCancellation.CancelAsync();
        }

        await drained;
        var final = await client.GetAsync<BuildView>(path, cancellationToken);
        progress.Complete(final.Value);
        return final;
    }

    private bool IsDrained(string job) => _logs.TryGetValue(job, out var task) && task.IsCompleted;

    private async Task StreamLogAsync(string id, string job, IBuildProgress progress, CancellationToken cancellationToken)
    {
        try
        {
            using var response = await client.OpenStreamAsync($"api/builds/{MageClient.Segment(id)}/jobs/{MageClient.Segment(job)}/log?follow=true", cancellationToken);
            using var reader = new StreamReader(await response.Content.ReadAsStreamAsync(cancellationToken));
            while (await reader.ReadLineAsync(cancellationToken) is { } line)
            {
                progress.Log(job, line);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // The build ended long ago or the user interrupted: the polling loop reports either.
        }
        catch (Exception e) when (e is MageApiException or MageUnreachableException or IOException or HttpRequestException)
        {
            // A log that cannot be read must not stop following the build; say so where the log would be.
            progress.Log(job, $"(mage: the log could not be read to its end: {e.Message})");
        }
    }
}
