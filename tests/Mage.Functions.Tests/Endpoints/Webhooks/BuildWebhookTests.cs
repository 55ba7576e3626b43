using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Mage.Testing;
using Mage.Webhooks;

namespace Mage.Functions.Tests.Endpoints.Webhooks;

/// <summary>Real builds with a subscriber on loopback: what a user's receiver sees.</summary>
public sealed class BuildWebhookTests
{
    internal const string Trivial = """
        driver: { type: local }
        stages: [one]
        jobs:
          - { stage: one, commands: ["true"] }
        """;

    [Fact]
    public async Task Submit_Subscribed_ReceiverGetsEachTransitionOnceInOrder()
    {
        await using var s = await WebhookScenario.StartAsync();
        var (id, secret) = await s.SubscribeAsync(WebhookEventTypes.BuildStatusChanged);

        var accepted = await s.Api.SubmitAcceptedAsync(s.Service, "v1", Trivial);
        var build = await s.Api.WaitForEndAsync(accepted.Id);
        var requests = await s.Receiver.WaitForAsync(2);
        await Task.Delay(300);

        Assert.Equal("passed", build.Status);
        Assert.Equal(2, s.Receiver.Received.Count);
        var transitions = requests.Select(r =>
        {
            using var json = r.Json();
            var data = json.RootElement.GetProperty("data");
            return (data.GetProperty("previousStatus").GetString(), data.GetProperty("status").GetString(), data.GetProperty("build").GetProperty("id").GetString());
        }).ToList();
        Assert.Equal([("queued", "running", accepted.Id), ("running", "passed", accepted.Id)], transitions);
        Assert.All(requests, r => Assert.True(WebhookSigner.Verify(secret, r.Header("webhook-id")!, long.Parse(r.Header("webhook-timestamp")!, System.Globalization.CultureInfo.InvariantCulture), r.Body, r.Header("webhook-signature")!)));

        using var deliveries = await WaitForDeliveriesAsync(s, id, 2, "succeeded");
        var items = deliveries.RootElement.GetProperty("items").EnumerateArray().ToList();
        Assert.Equal(requests.Select(r => r.Header("webhook-id")).Order(), items.Select(i => i.GetProperty("id").GetString()).Order());
        Assert.All(items, i =>
        {
            var attempt = Assert.Single(i.GetProperty("attempts").EnumerateArray());
            Assert.Equal(204, attempt.GetProperty("statusCode").GetInt32());
            Assert.True(attempt.TryGetProperty("durationMs", out _));
        });
    }

    [Fact]
    public async Task Submit_ReceiverHangs_BuildFinishesWhileRequestIsHeld()
    {
        await using var s = await WebhookScenario.StartAsync();
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        s.Receiver.Respond = async (_, _, stop) =>
        {
            await release.Task.WaitAsync(stop);
            return (200, null);
        };
        await s.SubscribeAsync();

        var accepted = await s.Api.SubmitAcceptedAsync(s.Service, "v1", Trivial);
        await s.Receiver.WaitForAsync(1);
        var build = await s.Api.WaitForEndAsync(accepted.Id);

        // The receiver has not answered yet, and the build is already over.
        Assert.False(release.Task.IsCompleted);
        Assert.Equal("passed", build.Status);
        release.SetResult();
    }

    [Fact]
    public async Task Redeliver_AfterSuccess_SameIdAndBodySentAgain()
    {
        await using var s = await WebhookScenario.StartAsync();
        var (id, _) = await s.SubscribeAsync();
        var accepted = await s.Api.SubmitAcceptedAsync(s.Service, "v1", Trivial);
        await s.Api.WaitForEndAsync(accepted.Id);
        var first = (await s.Receiver.WaitForAsync(2))[0];
        using (await WaitForDeliveriesAsync(s, id, 2, "succeeded"))
        {
        }

        var response = await s.Admin.PostAsync(new Uri($"/api/services/{s.Service}/webhooks/{id}/deliveries/{first.Header("webhook-id")}/redeliver", UriKind.Relative), null);

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var again = (await s.Receiver.WaitForAsync(3))[2];
        Assert.Equal(first.Header("webhook-id"), again.Header("webhook-id"));
        Assert.Equal(first.Body, again.Body);
    }

    [Fact]
    public async Task Submit_MaskedVariablePrintedManyWays_NeverInLogErrorOrWebhook()
    {
        await using var s = await WebhookScenario.StartAsync();
        const string secret = "Zq7-masked-secret-81";
        var put = await s.Admin.PutAsJsonAsync(new Uri($"/api/services/{s.Service}/variables/DEPLOY_TOKEN", UriKind.Relative), new { value = secret, masked = true });
        Assert.True(put.IsSuccessStatusCode, await put.Content.ReadAsStringAsync());
        var (id, _) = await s.SubscribeAsync();

        var accepted = await s.Api.SubmitAcceptedAsync(s.Service, "v1", """
            driver: { type: local }
            stages: [leak]
            jobs:
              - stage: leak
                name: leak
                commands:
                  - echo "$DEPLOY_TOKEN"
                  - echo "token=${DEPLOY_TOKEN}; again:$DEPLOY_TOKEN$DEPLOY_TOKEN"
                  - printf '%s' "$DEPLOY_TOKEN" | cut -c1-9; printf 'no newline %s' "$DEPLOY_TOKEN"; echo
                  # Split in two writes more than a flush interval apart.
                  - sh -c 'printf "%s" "$(printf "%s" "$DEPLOY_TOKEN" | cut -c1-7)"; sleep 1.5; printf "%s\n" "$(printf "%s" "$DEPLOY_TOKEN" | cut -c8-)"'
                  # In an error message on stderr, then a failure.
                  - 'echo "error: deploy rejected token $DEPLOY_TOKEN" >&2; exit 3'
            """);
        var build = await s.Api.WaitForEndAsync(accepted.Id);
        var log = await s.Api.LogAsync(accepted.Id, "leak");
        var buildJson = await s.Admin.GetStringAsync(new Uri($"/api/builds/{accepted.Id}", UriKind.Relative));
        var requests = await s.Receiver.WaitForAsync(2);
        using var deliveries = await WaitForDeliveriesAsync(s, id, 2, "succeeded");

        Assert.Equal("failed", build.Status);
        Assert.Contains("error: deploy rejected token xxxxxx", log, StringComparison.Ordinal);
        Assert.Contains("token=xxxxxx; again:xxxxxx", log, StringComparison.Ordinal);
        foreach (var (what, text) in new[] { ("log", log), ("build", buildJson), ("webhook bodies", string.Join("\n", requests.Select(r => r.Text))), ("deliveries", deliveries.RootElement.GetRawText()) })
        {
            Assert.False(text.Contains(secret, StringComparison.Ordinal), $"{what} shows the secret");
            Assert.False(text.Contains("masked-secret", StringComparison.Ordinal), $"{what} shows part of the secret");
        }
    }

    [Fact]
    public async Task ReadmeOpensslExample_RealDelivery_PrintsValid()
    {
        if (!File.Exists("/usr/bin/openssl") && !File.Exists("/bin/openssl"))
        {
            return; // The README's shell example needs openssl; without it there is nothing to run.
        }

        await using var s = await WebhookScenario.StartAsync();
        var (_, secret) = await s.SubscribeAsync();
        var accepted = await s.Api.SubmitAcceptedAsync(s.Service, "v1", Trivial);
        await s.Api.WaitForEndAsync(accepted.Id);
        var request = (await s.Receiver.WaitForAsync(1))[0];

        Assert.Equal("valid", await RunReadmeShellExampleAsync(secret, request, request.Body));
        Assert.Equal("INVALID", await RunReadmeShellExampleAsync(secret, request, [.. request.Body, (byte)'\n']));
    }

    private static async Task<string> RunReadmeShellExampleAsync(string secret, ReceivedWebhook request, byte[] body)
    {
        var readme = await File.ReadAllTextAsync(Path.Combine(RepositoryRoot.Find(), "README.md"));
        var start = readme.IndexOf("<!-- webhook-verify-sh -->", StringComparison.Ordinal);
        Assert.True(start >= 0, "README.md has no <!-- webhook-verify-sh --> example");
        var code = readme[(readme.IndexOf("```sh\n", start, StringComparison.Ordinal) + 6)..];
        code = code[..code.IndexOf("```", StringComparison.Ordinal)];

        var folder = Directory.CreateTempSubdirectory("mage-verify-").FullName;
        await File.WriteAllBytesAsync(Path.Combine(folder, "body.json"), body);
        var start_ = new ProcessStartInfo("/bin/sh", ["-c", code]) { WorkingDirectory = folder, RedirectStandardOutput = true, RedirectStandardError = true };
        start_.Environment["WEBHOOK_SECRET"] = secret;
        start_.Environment["ID"] = request.Header("webhook-id");
        start_.Environment["TS"] = request.Header("webhook-timestamp");
        start_.Environment["SIG"] = request.Header("webhook-signature");
        using var process = Process.Start(start_)!;
        var output = await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        Directory.Delete(folder, recursive: true);
        return output.Trim();
    }

    private static async Task<JsonDocument> WaitForDeliveriesAsync(WebhookScenario s, string webhookId, int count, string state)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (true)
        {
            var doc = await s.DeliveriesAsync(webhookId);
            var items = doc.RootElement.GetProperty("items").EnumerateArray().ToList();
            if (items.Count >= count && items.All(i => i.GetProperty("state").GetString() == state))
            {
                return doc;
            }

            doc.Dispose();
            Assert.True(DateTime.UtcNow < deadline, $"deliveries of {webhookId} did not reach {count} × {state}");
            await Task.Delay(50);
        }
    }
}
