using Mage.Cli.Api;
using Mage.Cli.Output;

namespace Mage.Cli.Tests.Output;

public sealed class ProblemReportTests
{
    [Theory]
    [InlineData("jobs[0].stage", 4, 14, null, "demo.yml:4:14: error: bad stage")]
    [InlineData("env[1]", 7, null, "warning", "demo.yml:7:1: warning: bad stage")]
    [InlineData("tag", 0, 0, "error", "error: tag: bad stage")]
    [InlineData("displayName", null, null, null, "error: displayName: bad stage")]
    [InlineData("", null, null, null, "error: bad stage")]
    public void ItemLine_PositionedOrNot_ReadsLikeACompiler(string path, int? line, int? column, string? severity, string expected)
    {
        Assert.Equal(expected, ProblemReport.ItemLine(new ApiProblemItem(path, line, column, severity, "bad stage"), "demo.yml"));
    }

    [Fact]
    public void Parse_ProblemWithErrors_ReadsEveryItem()
    {
        var problem = ApiProblem.Parse(System.Net.HttpStatusCode.BadRequest, "Bad Request",
            """{"title":"Invalid build request","status":400,"detail":"2 errors","errors":[{"path":"a","line":1,"column":2,"message":"m1"},{"path":"tag","message":"m2"}]}""");

        Assert.True(problem.IsValidation);
        Assert.Equal(("Invalid build request", "2 errors"), (problem.Title, problem.Detail));
        Assert.Equal(["m1", "m2"], problem.Errors.Select(e => e.Message));
        Assert.Equal(2, problem.Errors[0].Column);
    }

    [Fact]
    public void Parse_EmptyBody_UsesTheReasonPhrase()
    {
        var problem = ApiProblem.Parse(System.Net.HttpStatusCode.ServiceUnavailable, "Service Unavailable", "");

        Assert.False(problem.IsValidation);
        Assert.Equal((503, "Service Unavailable", (string?)null), (problem.Status, problem.Title, problem.Detail));
    }
}
