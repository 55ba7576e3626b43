using System.Text;
using System.Text.Json;
using Mage.Builds.Records;
using Mage.Webhooks;

namespace Mage.Webhooks.Tests;

public sealed class BuildStatusEventTests
{
    [Fact]
    public void Body_FinalStatus_DocumentedShapeWithFinishTime()
    {
        var build = WebhookTestHost.Build("api", BuildStatus.Failed, error: "job test.1 failed with exit code 1");

        using var json = JsonDocument.Parse(BuildStatusEvent.Body(build, BuildStatus.Running, []));

        var root = json.RootElement;
        Assert.Equal("build.status_changed", root.GetProperty("type").GetString());
        Assert.Equal("2026-03-01T11:00:09.000Z", root.GetProperty("timestamp").GetString());
        Assert.Equal("running", root.GetProperty("data").GetProperty("previousStatus").GetString());
        Assert.Equal("failed", root.GetProperty("data").GetProperty("status").GetString());
        var summary = root.GetProperty("data").GetProperty("build");
        Assert.Equal(build.Id, summary.GetProperty("id").GetString());
        Assert.Equal(1, summary.GetProperty("number").GetInt64());
        Assert.Equal("v1.0.0", summary.GetProperty("tag").GetString());
        Assert.Equal("FAILURE", summary.GetProperty("mageStatus").GetString());
        Assert.Equal("job test.1 failed with exit code 1", summary.GetProperty("error").GetString());
        Assert.Equal($"/api/builds/{build.Id}", summary.GetProperty("uri").GetString());
    }

    [Fact]
    public void Body_SameRecordTwice_SameBytesAndId()
    {
        var build = WebhookTestHost.Build("api", BuildStatus.Running);

        Assert.Equal(BuildStatusEvent.Body(build, "queued", []), BuildStatusEvent.Body(build, "queued", []));
        Assert.Equal(BuildStatusEvent.IdOf(build.Id, "running"), BuildStatusEvent.IdOf(build.Id, "running"));
        Assert.NotEqual(BuildStatusEvent.IdOf(build.Id, "running"), BuildStatusEvent.IdOf(build.Id, "passed"));
        Assert.Matches("^msg_[0-9a-f]{32}$", BuildStatusEvent.IdOf(build.Id, "running"));
    }

    [Fact]
    public void Body_MaskedValueInErrorAndComment_Replaced()
    {
        var build = WebhookTestHost.Build("api", BuildStatus.Failed, error: "deploy failed: token=hunter2hunter2 rejected") with { Comment = "uses hunter2hunter2" };

        var text = Encoding.UTF8.GetString(BuildStatusEvent.Body(build, "running", ["hunter2hunter2", "short"]));

        Assert.DoesNotContain("hunter2", text, StringComparison.Ordinal);
        Assert.Contains("token=xxxxxx rejected", text, StringComparison.Ordinal);
    }

    [Fact]
    public void SequenceOf_Statuses_RunningBeforeEveryFinalStatus()
    {
        Assert.True(BuildStatusEvent.SequenceOf("running") < BuildStatusEvent.SequenceOf("passed"));
        Assert.True(BuildStatusEvent.SequenceOf("running") < BuildStatusEvent.SequenceOf("timed_out"));
        Assert.True(BuildStatusEvent.SequenceOf("queued") < BuildStatusEvent.SequenceOf("running"));
    }
}
