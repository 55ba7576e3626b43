using System.Text.Json;
using Mage.Builds.Records;
using Mage.Testing;
using Mage.Webhooks;

namespace Mage.Webhooks.Tests;

/// <summary>Delivery end to end: observer → outbox → dispatcher → a real receiver on loopback.</summary>
public sealed class WebhookDispatcherTests
{
    private static readonly CancellationToken None = CancellationToken.None;

    [Fact]
    public async Task OnStatusChanged_Subscribed_ReceiverGetsSignedEventThatVerifies()
    {
        await using var receiver = WebhookReceiver.Start();
        var clock = new TestClock();
        await using var host = await WebhookTestHost.StartAsync(WebhookTestStorage.Create(), clock);
        var created = await host.Subscriptions.CreateAsync("api", receiver.Url, [WebhookEventTypes.BuildStatusChanged], None);
        var build = WebhookTestHost.Build("api", BuildStatus.Running);

        await host.Observer.OnStatusChangedAsync(build, BuildStatus.Queued, None);

        var request = (await receiver.WaitForAsync(1))[0];
        Assert.Equal("POST", request.Method);
        Assert.Equal("application/json", request.Header("content-type"));
        Assert.Equal(BuildStatusEvent.IdOf(build.Id, BuildStatus.Running), request.Header("webhook-id"));
        var timestamp = long.Parse(request.Header("webhook-timestamp")!, System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(clock.GetUtcNow().ToUnixTimeSeconds(), timestamp);
        Assert.True(WebhookSigner.Verify(created.Secret, request.Header("webhook-id")!, timestamp, request.Body, request.Header("webhook-signature")!));
        Assert.True(StandardWebhookVerifier.IsValid(created.Secret, request.Header("webhook-id")!, request.Header("webhook-timestamp")!, request.Body, request.Header("webhook-signature")!, clock.GetUtcNow()));
        Assert.False(WebhookSigner.Verify(created.Secret, request.Header("webhook-id")!, timestamp + 1, request.Body, request.Header("webhook-signature")!));

        using var json = request.Json();
        Assert.Equal("build.status_changed", json.RootElement.GetProperty("type").GetString());
        Assert.Equal("queued", json.RootElement.GetProperty("data").GetProperty("previousStatus").GetString());
        Assert.Equal("running", json.RootElement.GetProperty("data").GetProperty("status").GetString());
        Assert.Equal(build.Id, json.RootElement.GetProperty("data").GetProperty("build").GetProperty("id").GetString());
        var delivery = await host.WaitForDeliveryAsync("api", created.Subscription.Id, request.Header("webhook-id")!, d => d.State == WebhookDeliveryState.Succeeded);
        Assert.Equal(204, Assert.Single(delivery.Attempts).StatusCode);
    }

    [Fact]
    public async Task OnStatusChanged_SameTransitionTwice_OneDeliveryWithOneId()
    {
        await using var receiver = WebhookReceiver.Start();
        await using var host = await WebhookTestHost.StartAsync(WebhookTestStorage.Create(), new TestClock());
        var created = await host.Subscriptions.CreateAsync("api", receiver.Url, [WebhookEventTypes.All], None);
        var build = WebhookTestHost.Build("api", BuildStatus.Passed);

        // At-least-once activities may report the same change twice.
        await host.Observer.OnStatusChangedAsync(build, BuildStatus.Running, None);
        await host.Observer.OnStatusChangedAsync(build, BuildStatus.Running, None);
        var id = BuildStatusEvent.IdOf(build.Id, BuildStatus.Passed);
        await host.WaitForDeliveryAsync("api", created.Subscription.Id, id, d => d.State == WebhookDeliveryState.Succeeded);
        await Task.Delay(300);

        Assert.Single(await host.Deliveries.ListAsync("api", created.Subscription.Id, None));
        Assert.Equal([id], receiver.Received.Select(r => r.Header("webhook-id")));
    }

    [Fact]
    public async Task Dispatch_ReceiverKeepsFailing_RetriesFollowScheduleThenGivesUp()
    {
        await using var receiver = WebhookReceiver.Start();
        receiver.Respond = (_, _, _) => Task.FromResult<(int, IReadOnlyDictionary<string, string>?)>((500, null));
        var clock = new TestClock();
        await using var host = await WebhookTestHost.StartAsync(WebhookTestStorage.Create(), clock);
        var created = await host.Subscriptions.CreateAsync("api", receiver.Url, [WebhookEventTypes.BuildStatusChanged], None);
        var build = WebhookTestHost.Build("api", BuildStatus.Running);
        var id = BuildStatusEvent.IdOf(build.Id, BuildStatus.Running);

        await host.Observer.OnStatusChangedAsync(build, BuildStatus.Queued, None);

        for (var attempt = 1; attempt <= WebhookRetrySchedule.MaxAttempts; attempt++)
        {
            await receiver.WaitForAsync(attempt);
            var delivery = await host.WaitForDeliveryAsync("api", created.Subscription.Id, id, d => d.Attempts.Count == attempt);
            var last = delivery.Attempts[^1];
            Assert.Equal(500, last.StatusCode);
            Assert.Equal(clock.GetUtcNow(), last.At);
            if (attempt == WebhookRetrySchedule.MaxAttempts)
            {
                Assert.Equal(WebhookDeliveryState.Failed, delivery.State);
                Assert.Null(last.NextAttemptAt);
                break;
            }

            // The wait before the next attempt is the schedule's, within its jitter.
            var wait = last.NextAttemptAt!.Value - last.At;
            var planned = WebhookRetrySchedule.Delays[attempt];
            Assert.InRange(wait, planned * (1 - WebhookRetrySchedule.Jitter), planned * (1 + WebhookRetrySchedule.Jitter));
            Assert.Equal(WebhookDeliveryState.Pending, delivery.State);

            // Just before it is due nothing is sent; at the due time it is.
            clock.Set(last.NextAttemptAt.Value - TimeSpan.FromMilliseconds(1));
            await Task.Delay(150);
            Assert.Equal(attempt, receiver.Received.Count);
            clock.Set(last.NextAttemptAt.Value);
        }

        await Task.Delay(200);
        Assert.Equal(WebhookRetrySchedule.MaxAttempts, receiver.Received.Count);
        Assert.Single(receiver.Received.Select(r => r.Header("webhook-id")).Distinct());
    }

    [Fact]
    public async Task Dispatch_429WithRetryAfter_WaitsAsAsked()
    {
        await using var receiver = WebhookReceiver.Start();
        receiver.Respond = (n, _, _) => Task.FromResult<(int, IReadOnlyDictionary<string, string>?)>(
            n == 1 ? (429, new Dictionary<string, string> { ["Retry-After"] = "3600" }) : (200, null));
        var clock = new TestClock();
        await using var host = await WebhookTestHost.StartAsync(WebhookTestStorage.Create(), clock);
        var created = await host.Subscriptions.CreateAsync("api", receiver.Url, [WebhookEventTypes.BuildStatusChanged], None);
        var build = WebhookTestHost.Build("api", BuildStatus.Running);
        var id = BuildStatusEvent.IdOf(build.Id, BuildStatus.Running);

        await host.Observer.OnStatusChangedAsync(build, BuildStatus.Queued, None);
        var first = await host.WaitForDeliveryAsync("api", created.Subscription.Id, id, d => d.Attempts.Count == 1);

        Assert.Equal(429, first.Attempts[0].StatusCode);
        Assert.Equal(clock.GetUtcNow() + TimeSpan.FromHours(1), first.NextAttemptAt);
        clock.Advance(TimeSpan.FromHours(1));
        await host.WaitForDeliveryAsync("api", created.Subscription.Id, id, d => d.State == WebhookDeliveryState.Succeeded);
        Assert.Equal(2, receiver.Received.Count);
    }

    [Fact]
    public async Task Dispatch_410Gone_DisablesSubscriptionAndStopsDelivering()
    {
        await using var receiver = WebhookReceiver.Start();
        receiver.Respond = (_, _, _) => Task.FromResult<(int, IReadOnlyDictionary<string, string>?)>((410, null));
        var clock = new TestClock();
        await using var host = await WebhookTestHost.StartAsync(WebhookTestStorage.Create(), clock);
        var created = await host.Subscriptions.CreateAsync("api", receiver.Url, [WebhookEventTypes.BuildStatusChanged], None);
        var build = WebhookTestHost.Build("api", BuildStatus.Running);

        await host.Observer.OnStatusChangedAsync(build, BuildStatus.Queued, None);
        var delivery = await host.WaitForDeliveryAsync("api", created.Subscription.Id, BuildStatusEvent.IdOf(build.Id, BuildStatus.Running), d => d.State == WebhookDeliveryState.Failed);

        Assert.Equal(410, Assert.Single(delivery.Attempts).StatusCode);
        var subscription = await host.Subscriptions.GetAsync("api", created.Subscription.Id, None);
        Assert.False(subscription!.Active);
        await host.Observer.OnStatusChangedAsync(build with { Status = BuildStatus.Passed, FinishedAt = build.StartedAt }, BuildStatus.Running, None);
        clock.Advance(TimeSpan.FromDays(2));
        await Task.Delay(300);
        Assert.Single(receiver.Received);
    }

    [Fact]
    public async Task Dispatch_Redirect_NotFollowedAndRecordedAsFailure()
    {
        await using var other = WebhookReceiver.Start();
        await using var receiver = WebhookReceiver.Start();
        receiver.Respond = (_, _, _) => Task.FromResult<(int, IReadOnlyDictionary<string, string>?)>((307, new Dictionary<string, string> { ["Location"] = other.Url }));
        await using var host = await WebhookTestHost.StartAsync(WebhookTestStorage.Create(), new TestClock());
        var created = await host.Subscriptions.CreateAsync("api", receiver.Url, [WebhookEventTypes.BuildStatusChanged], None);
        var build = WebhookTestHost.Build("api", BuildStatus.Running);

        await host.Observer.OnStatusChangedAsync(build, BuildStatus.Queued, None);
        var delivery = await host.WaitForDeliveryAsync("api", created.Subscription.Id, BuildStatusEvent.IdOf(build.Id, BuildStatus.Running), d => d.Attempts.Count == 1);

        Assert.Equal(307, delivery.Attempts[0].StatusCode);
        Assert.Contains("redirect", delivery.Attempts[0].Error, StringComparison.Ordinal);
        Assert.Equal(WebhookDeliveryState.Pending, delivery.State);
        Assert.Empty(other.Received);
    }

    [Fact]
    public async Task Dispatch_HangingReceiver_AttemptTimesOutAndObserverReturnsAtOnce()
    {
        await using var receiver = WebhookReceiver.Start();
        receiver.Respond = async (_, _, stop) =>
        {
            await Task.Delay(Timeout.Infinite, stop);
            return (200, null);
        };
        await using var host = await WebhookTestHost.StartAsync(WebhookTestStorage.Create(), new TestClock(), attemptTimeout: TimeSpan.FromMilliseconds(500));
        var created = await host.Subscriptions.CreateAsync("api", receiver.Url, [WebhookEventTypes.BuildStatusChanged], None);
        var build = WebhookTestHost.Build("api", BuildStatus.Running);

        // The observer only records: it completes while the receiver still holds the request.
        await host.Observer.OnStatusChangedAsync(build, BuildStatus.Queued, None);
        var delivery = await host.WaitForDeliveryAsync("api", created.Subscription.Id, BuildStatusEvent.IdOf(build.Id, BuildStatus.Running), d => d.Attempts.Count == 1);

        Assert.Null(delivery.Attempts[0].StatusCode);
        Assert.Contains("No answer within", delivery.Attempts[0].Error, StringComparison.Ordinal);
        Assert.Equal(WebhookDeliveryState.Pending, delivery.State);
    }

    [Fact]
    public async Task Dispatch_EarlierEventFailing_LaterEventOfSameBuildWaits()
    {
        await using var receiver = WebhookReceiver.Start();
        var failRunning = true;
        receiver.Respond = (_, request, _) =>
        {
            using var json = request.Json();
            var status = json.RootElement.GetProperty("data").GetProperty("status").GetString();
            return Task.FromResult<(int, IReadOnlyDictionary<string, string>?)>((status == "running" && Volatile.Read(ref failRunning) ? 500 : 200, null));
        };
        var clock = new TestClock();
        await using var host = await WebhookTestHost.StartAsync(WebhookTestStorage.Create(), clock);
        var created = await host.Subscriptions.CreateAsync("api", receiver.Url, [WebhookEventTypes.BuildStatusChanged], None);
        var running = WebhookTestHost.Build("api", BuildStatus.Running);
        var passed = running with { Status = BuildStatus.Passed, FinishedAt = running.StartedAt!.Value.AddSeconds(5) };

        await host.Observer.OnStatusChangedAsync(running, BuildStatus.Queued, None);
        await receiver.WaitForAsync(1);
        await host.Observer.OnStatusChangedAsync(passed, BuildStatus.Running, None);
        var other = WebhookTestHost.Build("api", BuildStatus.Passed, id: BuildId.Create("api", 2));
        await host.Observer.OnStatusChangedAsync(other, BuildStatus.Running, None);

        // Another build's event is not held up; this build's final event is.
        await host.WaitForDeliveryAsync("api", created.Subscription.Id, BuildStatusEvent.IdOf(other.Id, BuildStatus.Passed), d => d.State == WebhookDeliveryState.Succeeded);
        clock.Advance(TimeSpan.FromSeconds(2));
        await Task.Delay(300);
        Assert.DoesNotContain(receiver.Received, r => r.Header("webhook-id") == BuildStatusEvent.IdOf(passed.Id, BuildStatus.Passed));

        Volatile.Write(ref failRunning, false);
        clock.Advance(TimeSpan.FromSeconds(10));
        await host.WaitForDeliveryAsync("api", created.Subscription.Id, BuildStatusEvent.IdOf(passed.Id, BuildStatus.Passed), d => d.State == WebhookDeliveryState.Succeeded);

        var order = receiver.Received.Where(r => r.Text.Contains(running.Id, StringComparison.Ordinal)).Select(StatusOf).ToList();
        Assert.Equal(["running", "running", "passed"], order);
    }

    [Fact]
    public async Task Dispatch_RestartMidRetry_NewHostOverSameStorageDelivers()
    {
        await using var receiver = WebhookReceiver.Start();
        receiver.Respond = (n, _, _) => Task.FromResult<(int, IReadOnlyDictionary<string, string>?)>((n == 1 ? 503 : 200, null));
        var storage = WebhookTestStorage.Create();
        var clock = new TestClock();
        var build = WebhookTestHost.Build("api", BuildStatus.Running);
        var id = BuildStatusEvent.IdOf(build.Id, BuildStatus.Running);
        string webhookId;
        await using (var first = await WebhookTestHost.StartAsync(storage, clock))
        {
            webhookId = (await first.Subscriptions.CreateAsync("api", receiver.Url, [WebhookEventTypes.BuildStatusChanged], None)).Subscription.Id;
            await first.Observer.OnStatusChangedAsync(build, BuildStatus.Queued, None);
            await first.WaitForDeliveryAsync("api", webhookId, id, d => d.Attempts.Count == 1);
        }

        clock.Advance(TimeSpan.FromMinutes(1));
        await using var second = await WebhookTestHost.StartAsync(storage, clock);
        var delivery = await second.WaitForDeliveryAsync("api", webhookId, id, d => d.State == WebhookDeliveryState.Succeeded);

        Assert.Equal([503, 200], delivery.Attempts.Select(a => a.StatusCode));
        Assert.Equal([id, id], receiver.Received.Select(r => r.Header("webhook-id")));
    }

    [Fact]
    public async Task Dispatch_TwoInstances_EachEventSentOnce()
    {
        await using var receiver = WebhookReceiver.Start();
        var storage = WebhookTestStorage.Create();
        var clock = new TestClock();
        await using var one = await WebhookTestHost.StartAsync(storage, clock);
        await using var two = await WebhookTestHost.StartAsync(storage, clock);
        var webhookId = (await one.Subscriptions.CreateAsync("api", receiver.Url, [WebhookEventTypes.BuildStatusChanged], None)).Subscription.Id;

        var builds = Enumerable.Range(1, 12).Select(n => WebhookTestHost.Build("api", BuildStatus.Passed, id: BuildId.Create("api", n))).ToList();
        await Task.WhenAll(builds.Select((b, i) => (i % 2 == 0 ? one : two).Observer.OnStatusChangedAsync(b, BuildStatus.Running, None)));
        foreach (var b in builds)
        {
            await one.WaitForDeliveryAsync("api", webhookId, BuildStatusEvent.IdOf(b.Id, BuildStatus.Passed), d => d.State == WebhookDeliveryState.Succeeded);
        }

        await Task.Delay(300);
        Assert.Equal(builds.Count, receiver.Received.Count);
        Assert.Equal(builds.Count, receiver.Received.Select(r => r.Header("webhook-id")).Distinct().Count());
    }

    [Fact]
    public async Task Dispatch_PrivateTargetWhenNotAllowed_RefusedAtConnectTime()
    {
        await using var receiver = WebhookReceiver.Start();
        await using var host = await WebhookTestHost.StartAsync(WebhookTestStorage.Create(), new TestClock(), allowPrivateNetworks: false);

        // Stored directly, as if DNS had pointed elsewhere when the subscription was checked.
        var created = await host.Subscriptions.CreateAsync("api", receiver.Url, [WebhookEventTypes.BuildStatusChanged], None);
        var build = WebhookTestHost.Build("api", BuildStatus.Running);
        await host.Observer.OnStatusChangedAsync(build, BuildStatus.Queued, None);
        var delivery = await host.WaitForDeliveryAsync("api", created.Subscription.Id, BuildStatusEvent.IdOf(build.Id, BuildStatus.Running), d => d.Attempts.Count == 1);

        Assert.Null(delivery.Attempts[0].StatusCode);
        Assert.Contains("loopback", delivery.Attempts[0].Error, StringComparison.Ordinal);
        Assert.Empty(receiver.Received);
    }

    [Fact]
    public async Task Redeliver_SucceededDelivery_SentAgainWithSameIdAndBody()
    {
        await using var receiver = WebhookReceiver.Start();
        var clock = new TestClock();
        await using var host = await WebhookTestHost.StartAsync(WebhookTestStorage.Create(), clock);
        var webhookId = (await host.Subscriptions.CreateAsync("api", receiver.Url, [WebhookEventTypes.BuildStatusChanged], None)).Subscription.Id;
        var build = WebhookTestHost.Build("api", BuildStatus.Running);
        var id = BuildStatusEvent.IdOf(build.Id, BuildStatus.Running);
        await host.Observer.OnStatusChangedAsync(build, BuildStatus.Queued, None);
        await host.WaitForDeliveryAsync("api", webhookId, id, d => d.State == WebhookDeliveryState.Succeeded);

        clock.Advance(TimeSpan.FromMinutes(3));
        Assert.NotNull(await host.Deliveries.RedeliverAsync("api", webhookId, id, clock.GetUtcNow(), None));
        var delivery = await host.WaitForDeliveryAsync("api", webhookId, id, d => d.Attempts.Count == 2 && d.State == WebhookDeliveryState.Succeeded);

        var requests = await receiver.WaitForAsync(2);
        Assert.Equal(requests[0].Body, requests[1].Body);
        Assert.Equal(id, requests[1].Header("webhook-id"));
        Assert.NotEqual(requests[0].Header("webhook-timestamp"), requests[1].Header("webhook-timestamp"));
        Assert.Equal(clock.GetUtcNow(), delivery.Attempts[1].At);
    }

    private static string? StatusOf(ReceivedWebhook request)
    {
        using var json = JsonDocument.Parse(request.Body);
        return json.RootElement.GetProperty("data").GetProperty("status").GetString();
    }
}
