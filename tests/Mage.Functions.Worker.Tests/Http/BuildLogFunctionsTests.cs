using Mage.Functions.Worker.Http;
using Mage.Functions.Worker.Tests.Infrastructure;

namespace Mage.Functions.Worker.Tests.Http;

public sealed class BuildLogFunctionsTests
{
    [Fact]
    public async Task JobLog_UnknownBuildWithAndWithoutKey_SameAnswersAsStandalone()
    {
        await using var hosts = await TwoHosts.StartAsync();

        var unknown = await hosts.AssertSameAnswerAsync<BuildLogFunctions>(RequestSpec.WithKey(HttpMethod.Get, "/api/builds/b-unknown/jobs/compile/log", hosts.AdminKey),
            (f, r) => f.JobLog(r));
        var noKey = await hosts.AssertSameAnswerAsync<BuildLogFunctions>(RequestSpec.WithKey(HttpMethod.Get, "/api/builds/b-unknown/jobs/compile/log?follow=true", null),
            (f, r) => f.JobLog(r));

        Assert.Equal(404, unknown.Status);
        Assert.Equal(401, noKey.Status);
    }
}
