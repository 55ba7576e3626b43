using Mage.Builds.Jobs;
using Mage.Builds.Logs;
using Mage.Builds.Orchestration;
using Mage.Builds.Records;
using Mage.Catalog;

namespace Mage.Builds.Activities;

/// <summary>
/// What every job activity shares: mark the job running, open its masked log with the
/// service's variables, run the work, record the final status. Thread-safe.
/// </summary>
public sealed class JobRunner(JobStore jobs, JobLogs logs, IVariableStore variables)
{
    /// <summary>Runs <paramref name="work"/> as job <paramref name="input"/>; returns its final status.</summary>
    public async Task<string> RunAsync(RunJobInput input, Func<IReadOnlyDictionary<string, string>, IJobOutput, CancellationToken, Task<JobRunResult>> work, CancellationToken cancellationToken)
    {
        var (service, number) = BuildId.Parse(input.BuildId);

        await jobs.StartAsync(service, number, input.StageIndex, input.JobIndex, cancellationToken);
        var vars = await variables.GetForBuildAsync(service, cancellationToken);
        var log = await logs.OpenAsync(service, number, input.Job.Name, vars.Where(v => v.Masked).Select(v => v.Value), append: false, cancellationToken);
        JobRunResult? result = null;
        try
        {
            var env = JobEnvironment.For(input.BuildId, service, number, input.Tag, input.Job.Name, vars, input.Env);
            result = await work(env, log, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            await log.WriteLineAsync($"[mage] job could not run: {ex.Message}", CancellationToken.None);
        }
        finally
        {
            await log.CompleteAsync(CancellationToken.None);
        }

        var status = StatusOf(result);
        await jobs.FinishAsync(service, number, input.StageIndex, input.JobIndex, status, result?.ExitCode, CancellationToken.None);
        return status;
    }

    /// <summary>Maps a driver's outcome onto the API's job statuses.</summary>
    public static string StatusOf(JobRunResult? result) => result?.Outcome switch
    {
        JobOutcome.Passed => BuildStatus.Passed,
        JobOutcome.Killed => BuildStatus.Killed,
        JobOutcome.TimedOut => BuildStatus.TimedOut,
        _ => BuildStatus.Failed,
    };
}
