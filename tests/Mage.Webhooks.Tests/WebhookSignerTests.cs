using System.Text;
using Mage.Webhooks;

namespace Mage.Webhooks.Tests;

public sealed class WebhookSignerTests
{
    // The Standard Webhooks specification's test vector.
    private const string Secret = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
    private const string Id = "msg_p5jXN8AQM9LWM0D4loKWxJek";
    private const long Timestamp = 1614265330;
    private static readonly byte[] Body = Encoding.UTF8.GetBytes("{\"test\": 2432232314}");

    [Fact]
    public void Sign_SpecificationVector_MatchesPublishedSignature() =>
        Assert.Equal("v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=", WebhookSigner.Sign(Secret, Id, Timestamp, Body));

    [Fact]
    public void Verify_AnyMatchingEntryOfSeveral_Accepted() =>
        Assert.True(WebhookSigner.Verify(Secret, Id, Timestamp, Body, "v1,bm90LWl0 v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE="));

    [Theory]
    [InlineData("msg_other", Timestamp, "{\"test\": 2432232314}")]
    [InlineData(Id, Timestamp + 1, "{\"test\": 2432232314}")]
    [InlineData(Id, Timestamp, "{\"test\":2432232314}")]
    public void Verify_AnyPartChanged_Rejected(string id, long timestamp, string body) =>
        Assert.False(WebhookSigner.Verify(Secret, id, timestamp, Encoding.UTF8.GetBytes(body), WebhookSigner.Sign(Secret, Id, Timestamp, Body)));

    [Fact]
    public void Generate_NewSecret_PrefixedBase64OfAtLeast24RandomBytes()
    {
        var a = WebhookSecret.Generate();
        var b = WebhookSecret.Generate();

        Assert.StartsWith("whsec_", a, StringComparison.Ordinal);
        Assert.InRange(WebhookSecret.KeyOf(a).Length, 24, 64);
        Assert.NotEqual(a, b);
    }

    [Fact]
    public void ReadmeVerifier_SpecificationVector_AcceptsWithinToleranceOnly()
    {
        var at = DateTimeOffset.FromUnixTimeSeconds(Timestamp);
        var signature = WebhookSigner.Sign(Secret, Id, Timestamp, Body);

        Assert.True(StandardWebhookVerifier.IsValid(Secret, Id, "1614265330", Body, signature, at.AddMinutes(4)));
        Assert.False(StandardWebhookVerifier.IsValid(Secret, Id, "1614265330", Body, signature, at.AddMinutes(6)));
        Assert.False(StandardWebhookVerifier.IsValid(Secret, Id, "1614265330", [.. Body, (byte)' '], signature, at));
    }
}
