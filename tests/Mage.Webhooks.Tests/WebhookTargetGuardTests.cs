using Mage.Webhooks;

namespace Mage.Webhooks.Tests;

public sealed class WebhookTargetGuardTests
{
    private static readonly WebhookTargetGuard Strict = new(new WebhookOptions { AllowPrivateNetworks = false });
    private static readonly WebhookTargetGuard Lenient = new(new WebhookOptions { AllowPrivateNetworks = true });

    [Theory]
    [InlineData("http://127.0.0.1:8080/hook", "loopback")]
    [InlineData("http://localhost/hook", "loopback")]
    [InlineData("http://[::1]/hook", "loopback")]
    [InlineData("http://169.254.169.254/latest/meta-data", "metadata")]
    [InlineData("http://[fd00:ec2::254]/", "metadata")]
    [InlineData("https://10.0.0.5/hook", "private")]
    [InlineData("http://0.0.0.0/", "unspecified")]
    public async Task ProblemWithUrl_InternalTargetNotAllowed_RefusedNamingTheRangeAndSetting(string url, string range)
    {
        var problem = await Strict.ProblemWithUrlAsync(url, CancellationToken.None);

        Assert.NotNull(problem);
        Assert.Contains(range, problem, StringComparison.Ordinal);
        Assert.Contains("Mage__Webhooks__AllowPrivateNetworks", problem, StringComparison.Ordinal);
        Assert.Null(await Lenient.ProblemWithUrlAsync(url, CancellationToken.None));
    }

    [Theory]
    [InlineData(null, "required")]
    [InlineData("not a url", "absolute http")]
    [InlineData("ftp://example.com/x", "absolute http")]
    [InlineData("file:///etc/passwd", "absolute http")]
    [InlineData("https://user:pass@example.com/x", "user name or password")]
    [InlineData("https://example.com/x#frag", "fragment")]
    public async Task ProblemWithUrl_MalformedEvenWhenPrivateAllowed_Refused(string? url, string words) =>
        Assert.Contains(words, await Lenient.ProblemWithUrlAsync(url, CancellationToken.None), StringComparison.Ordinal);

    [Fact]
    public async Task ProblemWithUrl_PublicAddressLiteral_Accepted() =>
        Assert.Null(await Strict.ProblemWithUrlAsync("https://93.184.215.14/hooks", CancellationToken.None));
}
