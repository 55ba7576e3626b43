using Mage.Durable.History;
using Microsoft.Extensions.Logging;

namespace Mage.Durable.Engine;

/// <summary>
/// Runs one orchestration instance's code against its history. Keeps the live orchestrator state
/// between episodes (an extended session), so a new episode applies only the new events instead of
/// replaying everything. Not thread-safe: one episode at a time (the instance lease guarantees it).
/// </summary>
internal sealed class OrchestrationExecutor
{
    private readonly ITaskOrchestrator _orchestrator;
    private readonly DurableOrchestrationContext _context;
    private readonly OrchestrationSynchronizationContext _sync = new();
    private Task<object?>? _userTask;
    private ExecutionCompletedEvent? _completion;

    public OrchestrationExecutor(string name, string instanceId, ITaskOrchestrator orchestrator, ILoggerFactory loggerFactory)
    {
        _orchestrator = orchestrator;
        _context = new DurableOrchestrationContext(name, instanceId, loggerFactory);
    }

    /// <summary>Re-executes the code over committed history (IsReplaying = true). Call once, before any episode.</summary>
    public void Replay(IReadOnlyList<HistoryEvent> history)
    {
        Run(history, replaying: true);

        // Calls the code made during replay are already in history: TaskScheduled/TimerCreated matched them.
        // Anything left over is a new decision and is reported by the next Execute.
    }

    /// <summary>Applies new events (IsReplaying = false) and returns the decisions of this episode.</summary>
    public EpisodeResult Execute(IReadOnlyList<HistoryEvent> newEvents)
    {
        Run(newEvents, replaying: false);
        return new EpisodeResult(_context.TakeNewActions(), _completion, _context.CustomStatus);
    }

    private void Run(IReadOnlyList<HistoryEvent> events, bool replaying)
    {
        SynchronizationContext? previous = SynchronizationContext.Current;
        SynchronizationContext.SetSynchronizationContext(_sync);
        _context.BeginExecution(replaying);
        try
        {
            foreach (HistoryEvent e in events)
            {
                if (_completion is not null)
                {
                    break;
                }

                try
                {
                    Apply(e);
                    _sync.Drain();
                }
                catch (NonDeterministicOrchestrationException ex)
                {
                    _completion = Failed(ex, _context.CurrentUtcDateTime);
                    break;
                }

                CheckUserTask(_context.CurrentUtcDateTime);
            }
        }
        finally
        {
            _context.EndExecution();
            SynchronizationContext.SetSynchronizationContext(previous);
        }
    }

    private void Apply(HistoryEvent e)
    {
        switch (e)
        {
            case OrchestratorStartedEvent:
                _context.SetCurrentTime(e.Timestamp);
                break;
            case ExecutionStartedEvent started:
                Start(started);
                break;
            case TaskScheduledEvent scheduled:
                _context.MatchScheduled(scheduled, scheduled.EventId);
                break;
            case TimerCreatedEvent created:
                _context.MatchScheduled(created, created.EventId);
                break;
            case TaskCompletedEvent completed:
                _context.Complete(completed.TaskScheduledId, completed.Result);
                break;
            case TaskFailedEvent failed:
                _context.Fail(failed.TaskScheduledId, failed.FailureDetails);
                break;
            case TimerFiredEvent fired:
                _context.Complete(fired.TimerId, null);
                break;
            case EventRaisedEvent raised:
                _context.RaiseEvent(raised.Name, raised.Input);
                break;
        }
    }

    private void Start(ExecutionStartedEvent started)
    {
        try
        {
            object? input = DurableSerializer.Deserialize(started.Input, _orchestrator.InputType);
            _userTask = _orchestrator.RunAsync(_context, input);
        }
#pragma warning disable CA1031 // Any exception from user code fails the instance, never the worker.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            _userTask = Task.FromException<object?>(ex);
        }
    }

    private void CheckUserTask(DateTime timestamp)
    {
        if (_userTask is not { IsCompleted: true } task || _completion is not null)
        {
            return;
        }

        if (task.IsCompletedSuccessfully)
        {
            _completion = new ExecutionCompletedEvent(OrchestrationRuntimeStatus.Completed, DurableSerializer.Serialize(task.Result), null)
            {
                Timestamp = timestamp,
            };
            return;
        }

        Exception error = task.Exception?.InnerException ?? new TaskCanceledException(task);
        _completion = Failed(error, timestamp);
    }

    private static ExecutionCompletedEvent Failed(Exception error, DateTime timestamp) =>
        new(OrchestrationRuntimeStatus.Failed, null, TaskFailureDetails.FromException(error)) { Timestamp = timestamp };
}
