using System.Text.Json;
using Mage.Durable.Backend;
using Mage.Durable.Engine;
using Mage.Durable.History;
using Microsoft.Extensions.DependencyInjection;

namespace Mage.Durable.Worker;

/// <summary>Orchestration episodes: receive an instance's messages, run the executor, checkpoint.</summary>
public sealed partial class DurableTaskWorker
{
    /// <summary>Outgoing messages of one episode sent at once (a fan-out of thousands must not go one round trip at a time).</summary>
    private const int SendConcurrency = 16;

    private async Task OrchestrationLoopAsync(CancellationToken stopping)
    {
        while (!stopping.IsCancellationRequested)
        {
            ControlWorkItem? workItem;
            try
            {
                workItem = await _backend.ReceiveControlWorkItemAsync(_options.OrchestrationLease, stopping);
            }
            catch (OperationCanceledException) when (stopping.IsCancellationRequested)
            {
                return;
            }
#pragma warning disable CA1031 // A failing backend or episode must not kill the loop.
            catch (Exception ex)
            {
                Logs.ReceiveError(_logger, ex);
                await PauseAsync(TimeSpan.FromSeconds(1), stopping);
                continue;
            }

            if (workItem is null)
            {
                continue;
            }

            try
            {
                await ProcessControlWorkItemAsync(workItem);
            }
            catch (Exception ex)
            {
                Logs.EpisodeError(_logger, workItem.InstanceId, ex);
                _sessions.TryRemove(workItem.InstanceId, out _);
                int dequeues = workItem.Messages.Max(m => m.DequeueCount);
                await TryAsync(() => _backend.AbandonControlWorkItemAsync(workItem, BackOff(dequeues), CancellationToken.None));
            }
#pragma warning restore CA1031
        }
    }

    /// <summary>
    /// One episode. Checkpoint order: send outgoing messages, append history (ETag-checked), delete the
    /// processed messages. The session is taken out of the cache while in use and put back only after
    /// a successful checkpoint, so any failure falls back to a full reload and replay.
    /// </summary>
    private async Task ProcessControlWorkItemAsync(ControlWorkItem workItem)
    {
        CancellationToken none = CancellationToken.None;
        DateTimeOffset now = _time.GetUtcNow();
        string instanceId = workItem.InstanceId;
        List<OrchestrationMessage> messages = ParseMessages(workItem);

        bool cached = _sessions.TryRemove(instanceId, out OrchestrationSession? session);
        session ??= await LoadSessionAsync(instanceId);
        EpisodePlan? plan = session is { Terminal: false } ? Plan(session, messages, now) : null;
        if (cached && plan is { NeedsFreshState: true })
        {
            // Another worker may have advanced this instance since it was cached: check before postponing anything.
            session = await LoadSessionAsync(instanceId);
            plan = session is { Terminal: false } ? Plan(session, messages, now) : null;
        }

        if (session is null)
        {
            Logs.MessageDropped(_logger, instanceId, "any", "the instance does not exist (purged?)");
            await _backend.CompleteControlWorkItemAsync(workItem, none);
            return;
        }

        if (plan is null)
        {
            Logs.DuplicateDropped(_logger, instanceId, "late");
            await _backend.CompleteControlWorkItemAsync(workItem, none);
            return;
        }
        if (plan.Accepted.Count == 0)
        {
            await SendDeferredAsync(instanceId, plan);
            await _backend.CompleteControlWorkItemAsync(workItem, none);
            KeepSession(session);
            return;
        }

        var episode = new List<HistoryEvent>(plan.Accepted.Count + 1) { new OrchestratorStartedEvent { Timestamp = now.UtcDateTime } };
        episode.AddRange(plan.Accepted);
        int replayed = 0;
        EpisodeResult result = plan.Terminated is not null
            ? new EpisodeResult([], null, session.Record.CustomStatus)
            : RunEpisode(session, episode, ref replayed);

        List<HistoryEvent> actions = [.. result.NewActions.Select(a => a with { CallId = Guid.NewGuid().ToString("N") })];
        var appended = new List<HistoryEvent>(episode.Count + actions.Count + 1);
        appended.AddRange(episode);
        appended.AddRange(actions);
        if (result.Completion is not null)
        {
            appended.Add(result.Completion);
        }

        // 1. Outgoing messages, concurrently: all must be out before the commit, their order does not matter.
        if (actions.Count == 1)
        {
            await SendActionAsync(instanceId, actions[0], now);
        }
        else if (actions.Count > 1)
        {
            await Parallel.ForEachAsync(
                actions,
                new ParallelOptions { MaxDegreeOfParallelism = SendConcurrency },
                async (action, _) => await SendActionAsync(instanceId, action, now));
        }

        await SendDeferredAsync(instanceId, plan);

        // 2. The commit point.
        OrchestrationInstanceRecord record = NextRecord(session.Record, result, plan.Terminated, now);
        try
        {
            session.ETag = await _backend.AppendHistoryAsync(instanceId, session.ETag, appended, record, none);
        }
        catch (HistoryConflictException ex)
        {
            Logs.HistoryConflict(_logger, instanceId, ex);
            await _backend.AbandonControlWorkItemAsync(workItem, TimeSpan.Zero, none);
            return;
        }

        session.Record = record;
        session.Track(appended);

        // 3. Delete what was processed.
        await _backend.CompleteControlWorkItemAsync(workItem, none);
        Logs.EpisodeCompleted(_logger, instanceId, plan.Accepted.Count, actions.Count, replayed);
        if (session.Terminal)
        {
            LogFinished(record);
        }
        else
        {
            KeepSession(session);
        }
    }

    private async Task<OrchestrationSession?> LoadSessionAsync(string instanceId)
    {
        InstanceState? state = await _backend.LoadInstanceAsync(instanceId, CancellationToken.None);
        return state is null ? null : new OrchestrationSession(state);
    }

    private EpisodeResult RunEpisode(OrchestrationSession session, List<HistoryEvent> episode, ref int replayed)
    {
        OrchestrationExecutor? executor = session.Executor;
        if (executor is null)
        {
            if (!_registry.Orchestrators.TryGetValue(session.Record.Name, out Type? type))
            {
                var missing = new TaskFailureDetails(
                    "OrchestratorNotFound",
                    $"No orchestrator named '{session.Record.Name}' is registered on worker {_identity.WorkerId}.");
                return new EpisodeResult(
                    [],
                    new ExecutionCompletedEvent(OrchestrationRuntimeStatus.Failed, null, missing) { Timestamp = episode[0].Timestamp },
                    null);
            }

            var orchestrator = (ITaskOrchestrator)ActivatorUtilities.GetServiceOrCreateInstance(_services, type);
            executor = new OrchestrationExecutor(session.Record.Name, session.InstanceId, orchestrator, _loggerFactory);
            replayed = session.History.Count;
            executor.Replay(session.History);
            session.History.Clear();
            session.Executor = executor;
        }

        return executor.Execute(episode);
    }

    /// <summary>Sorts messages into applied, postponed and dropped (duplicates, stale results).</summary>
    private EpisodePlan Plan(OrchestrationSession session, List<OrchestrationMessage> messages, DateTimeOffset now)
    {
        var plan = new EpisodePlan();
        bool started = session.Started;
        foreach (OrchestrationMessage m in messages)
        {
            if (m.Event is ExecutionStartedEvent && !started)
            {
                plan.Accepted.Add(m.Event);
                started = true;
            }
        }

        if (messages.Select(m => m.Event).OfType<ExecutionTerminatedEvent>().FirstOrDefault() is { } terminated)
        {
            // Terminate wins over everything else in the batch; the rest is dropped with the instance.
            plan.Terminated = terminated;
            plan.Accepted.Add(terminated);
            return plan;
        }

        var resolvedNow = new HashSet<int>();
        var eventsNow = new HashSet<string>(StringComparer.Ordinal);
        foreach (OrchestrationMessage m in messages)
        {
            if (m.Event is ExecutionStartedEvent)
            {
                continue;
            }

            if (!started)
            {
                plan.NeedsFreshState = true;
                Defer(plan, session, m, now + TimeSpan.FromSeconds(1));
                continue;
            }

            switch (m.Event)
            {
                case TaskCompletedEvent c:
                    Resolve(plan, session, m, c.TaskScheduledId, resolvedNow, now);
                    break;
                case TaskFailedEvent f:
                    Resolve(plan, session, m, f.TaskScheduledId, resolvedNow, now);
                    break;
                case TimerFiredEvent t when t.FireAt > now.UtcDateTime:
                    // Delivered early (a queue may cap visibility delays): send again for the remaining time.
                    plan.Deferred.Add((m, new DateTimeOffset(t.FireAt, TimeSpan.Zero)));
                    break;
                case TimerFiredEvent t:
                    Resolve(plan, session, m, t.TimerId, resolvedNow, now);
                    break;
                case EventRaisedEvent r when session.SeenEvent(r.MessageId) || !eventsNow.Add(r.MessageId):
                    Logs.DuplicateDropped(_logger, session.InstanceId, "EventRaised");
                    break;
                case EventRaisedEvent r:
                    plan.Accepted.Add(r);
                    break;
                default:
                    Logs.DuplicateDropped(_logger, session.InstanceId, m.Event.GetType().Name);
                    break;
            }
        }

        return plan;
    }

    private void Resolve(EpisodePlan plan, OrchestrationSession session, OrchestrationMessage m, int sequenceId, HashSet<int> resolvedNow, DateTimeOffset now)
    {
        if (session.IsResolved(sequenceId) || resolvedNow.Contains(sequenceId))
        {
            Logs.DuplicateDropped(_logger, session.InstanceId, m.Event.GetType().Name);
        }
        else if (!session.IsCurrentCall(sequenceId, m.Event.CallId))
        {
            Logs.DuplicateDropped(_logger, session.InstanceId, "stale " + m.Event.GetType().Name);
        }
        else if (!session.IsScheduled(sequenceId))
        {
            // The result can overtake the checkpoint that scheduled it (another worker's history not visible yet).
            plan.NeedsFreshState = true;
            Defer(plan, session, m, now + TimeSpan.FromSeconds(1));
        }
        else
        {
            resolvedNow.Add(sequenceId);
            plan.Accepted.Add(m.Event);
        }
    }

    private void Defer(EpisodePlan plan, OrchestrationSession session, OrchestrationMessage m, DateTimeOffset visibleAt)
    {
        if (m.DeferCount >= _options.MaxMessageDeferrals)
        {
            Logs.MessageDropped(_logger, session.InstanceId, m.Event.GetType().Name, "postponed too often; the call it answers was never recorded");
            return;
        }

        Logs.MessageDeferred(_logger, session.InstanceId, m.Event.GetType().Name, m.DeferCount + 1);
        plan.Deferred.Add((m with { DeferCount = m.DeferCount + 1 }, visibleAt));
    }

    private async Task SendDeferredAsync(string instanceId, EpisodePlan plan)
    {
        foreach ((OrchestrationMessage message, DateTimeOffset visibleAt) in plan.Deferred)
        {
            await _backend.SendControlMessageAsync(instanceId, DurableSerializer.SerializeMessage(message), visibleAt, CancellationToken.None);
        }
    }

    private async Task SendActionAsync(string instanceId, HistoryEvent action, DateTimeOffset now)
    {
        switch (action)
        {
            case TaskScheduledEvent s:
                var request = new ActivityMessage(instanceId, s.EventId, s.Name, s.Input) { CallId = s.CallId };
                await _backend.SendWorkItemAsync(
                    s.TargetQueue ?? _backend.SharedWorkItemQueue,
                    DurableSerializer.SerializeMessage(request),
                    now,
                    CancellationToken.None);
                break;
            case TimerCreatedEvent t:
                var fired = new TimerFiredEvent(t.EventId, t.FireAt) { Timestamp = t.FireAt, CallId = t.CallId };
                var message = new OrchestrationMessage(Guid.NewGuid().ToString("N"), instanceId, fired);
                await _backend.SendControlMessageAsync(
                    instanceId,
                    DurableSerializer.SerializeMessage(message),
                    new DateTimeOffset(t.FireAt, TimeSpan.Zero),
                    CancellationToken.None);
                break;
        }
    }

    private List<OrchestrationMessage> ParseMessages(ControlWorkItem workItem)
    {
        var messages = new List<OrchestrationMessage>(workItem.Messages.Count);
        foreach (BackendMessage raw in workItem.Messages)
        {
            try
            {
                messages.Add(DurableSerializer.DeserializeOrchestrationMessage(raw.Body));
            }
            catch (JsonException ex)
            {
                // Unreadable messages are deleted with the batch; retrying cannot fix them.
                Logs.PoisonMessage(_logger, raw.MessageId, workItem.InstanceId, ex);
            }
        }

        return messages;
    }

    private static OrchestrationInstanceRecord NextRecord(
        OrchestrationInstanceRecord current,
        EpisodeResult result,
        ExecutionTerminatedEvent? terminated,
        DateTimeOffset now)
    {
        if (terminated is not null)
        {
            return current with { Status = OrchestrationRuntimeStatus.Terminated, Output = terminated.Output, LastUpdatedAt = now };
        }

        ExecutionCompletedEvent? completion = result.Completion;
        return current with
        {
            Status = completion?.Status ?? OrchestrationRuntimeStatus.Running,
            Output = completion?.Result,
            FailureDetails = completion?.FailureDetails,
            CustomStatus = result.CustomStatus,
            LastUpdatedAt = now,
        };
    }

    private void KeepSession(OrchestrationSession session)
    {
        if (!_options.ExtendedSessions || _stopping.IsCancellationRequested)
        {
            return;
        }

        if (_sessions.Count >= _options.MaxCachedSessions)
        {
            // Crude but bounded: drop some session; it is rebuilt by replay when next needed.
            foreach (string key in _sessions.Keys.Take(Math.Max(1, _options.MaxCachedSessions / 10)))
            {
                _sessions.TryRemove(key, out _);
            }
        }

        _sessions[session.InstanceId] = session;
    }

    private void LogFinished(OrchestrationInstanceRecord record)
    {
        if (record.Status == OrchestrationRuntimeStatus.Failed)
        {
            Logs.InstanceFailed(_logger, record.InstanceId, record.Name, record.FailureDetails?.ToString() ?? "unknown");
        }
        else
        {
            Logs.InstanceFinished(_logger, record.InstanceId, record.Name, record.Status);
        }
    }
}
