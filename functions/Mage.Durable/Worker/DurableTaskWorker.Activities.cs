using System.Text.Json;
using Mage.Durable.Backend;
using Mage.Durable.History;
using Microsoft.Extensions.DependencyInjection;

namespace Mage.Durable.Worker;

/// <summary>Activity execution: receive a work item, run the activity in its own DI scope, report the outcome.</summary>
public sealed partial class DurableTaskWorker
{
    private async Task ActivityLoopAsync(IReadOnlyList<string> queues, CancellationToken stopping)
    {
        while (!stopping.IsCancellationRequested)
        {
            BackendMessage? message;
            try
            {
                message = await _backend.ReceiveWorkItemAsync(queues, _options.ActivityLease, stopping);
            }
            catch (OperationCanceledException) when (stopping.IsCancellationRequested)
            {
                return;
            }
#pragma warning disable CA1031 // A failing backend must not kill the loop; it retries after a pause.
            catch (Exception ex)
            {
                Logs.ReceiveError(_logger, ex);
                await PauseAsync(TimeSpan.FromSeconds(1), stopping);
                continue;
            }

            if (message is null)
            {
                continue;
            }

            try
            {
                await ProcessWorkItemAsync(message);
            }
            catch (Exception ex)
            {
                Logs.ActivityError(_logger, message.MessageId, ex);
                await TryAsync(() => _backend.AbandonWorkItemAsync(message, BackOff(message.DequeueCount), CancellationToken.None));
            }
#pragma warning restore CA1031
        }
    }

    private async Task ProcessWorkItemAsync(BackendMessage message)
    {
        ActivityMessage request;
        try
        {
            request = DurableSerializer.DeserializeActivityMessage(message.Body);
        }
        catch (JsonException ex)
        {
            Logs.PoisonMessage(_logger, message.MessageId, message.Queue, ex);
            await _backend.CompleteWorkItemAsync(message, CancellationToken.None);
            return;
        }

        _inFlight[message.MessageId] = message;
        try
        {
            HistoryEvent? outcome = await RunActivityAsync(request, message);
            if (outcome is null)
            {
                return;
            }

            // Result first, then delete: a crash in between only repeats the activity.
            var reply = new OrchestrationMessage(Guid.NewGuid().ToString("N"), request.InstanceId, outcome);
            await _backend.SendControlMessageAsync(request.InstanceId, DurableSerializer.SerializeMessage(reply), _time.GetUtcNow(), CancellationToken.None);
            await _backend.CompleteWorkItemAsync(message, CancellationToken.None);
        }
        finally
        {
            _inFlight.TryRemove(message.MessageId, out _);
        }
    }

    /// <summary>Runs the activity; returns the completion event, or null when it was abandoned for redelivery.</summary>
    private async Task<HistoryEvent?> RunActivityAsync(ActivityMessage request, BackendMessage message)
    {
        if (!_registry.Activities.TryGetValue(request.Name, out Type? type))
        {
            var missing = new TaskFailureDetails("ActivityNotFound", $"No activity named '{request.Name}' is registered on worker {_identity.WorkerId}.");
            return new TaskFailedEvent(request.TaskScheduledId, missing) { Timestamp = _time.GetUtcNow().UtcDateTime, CallId = request.CallId };
        }

        CancellationToken abort = _abort.Token;
        var context = new ActivityExecutionContext(
            request.InstanceId,
            request.Name,
            abort,
            () => _backend.RenewWorkItemAsync(message, _options.ActivityLease, CancellationToken.None));
        try
        {
            await using AsyncServiceScope scope = _services.CreateAsyncScope();
            var activity = (ITaskActivity)scope.ServiceProvider.GetRequiredService(type);
            object? input = DurableSerializer.Deserialize(request.Input, activity.InputType);
            object? output = await activity.RunAsync(context, input);
            return new TaskCompletedEvent(request.TaskScheduledId, DurableSerializer.Serialize(output)) { Timestamp = _time.GetUtcNow().UtcDateTime, CallId = request.CallId };
        }
        catch (OperationCanceledException) when (abort.IsCancellationRequested)
        {
            Logs.ActivityAbandoned(_logger, request.Name, request.TaskScheduledId, request.InstanceId);
            if (_inFlight.TryRemove(message.MessageId, out _))
            {
                await _backend.AbandonWorkItemAsync(message, TimeSpan.Zero, CancellationToken.None);
            }

            return null;
        }
#pragma warning disable CA1031 // Any activity exception is reported to the orchestrator as TaskFailed.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            Logs.ActivityFailed(_logger, request.Name, request.TaskScheduledId, request.InstanceId, ex.Message);
            return new TaskFailedEvent(request.TaskScheduledId, TaskFailureDetails.FromException(ex)) { Timestamp = _time.GetUtcNow().UtcDateTime, CallId = request.CallId };
        }
    }

    /// <summary>Poison back-off: redeliver at once the first time, then 2^n seconds up to 10 minutes.</summary>
    private static TimeSpan BackOff(int dequeueCount) =>
        dequeueCount <= 1 ? TimeSpan.Zero : TimeSpan.FromSeconds(Math.Min(600, Math.Pow(2, dequeueCount)));

    private static async Task TryAsync(Func<Task> action)
    {
        try
        {
            await action();
        }
#pragma warning disable CA1031 // Best effort: the lease expires anyway.
        catch (Exception)
#pragma warning restore CA1031
        {
        }
    }
}
