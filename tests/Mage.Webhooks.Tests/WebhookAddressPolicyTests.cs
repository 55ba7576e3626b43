using System.Net;
using Mage.Webhooks;

namespace Mage.Webhooks.Tests;

public sealed class WebhookAddressPolicyTests
{
    [Theory]
    [InlineData("127.0.0.1", "loopback")]
    [InlineData("127.255.0.9", "loopback")]
    [InlineData("::1", "loopback")]
    [InlineData("10.1.2.3", "private")]
    [InlineData("172.16.0.1", "private")]
    [InlineData("172.31.255.255", "private")]
    [InlineData("192.168.1.1", "private")]
    [InlineData("fd12:3456::1", "private (unique local) or metadata")]
    [InlineData("169.254.169.254", "link-local or metadata")]
    [InlineData("fd00:ec2::254", "private (unique local) or metadata")]
    [InlineData("fe80::1", "link-local")]
    [InlineData("100.64.0.1", "carrier-grade NAT")]
    [InlineData("0.0.0.0", "unspecified")]
    [InlineData("::", "unspecified")]
    [InlineData("224.0.0.251", "multicast")]
    [InlineData("ff02::1", "multicast")]
    [InlineData("255.255.255.255", "reserved or broadcast")]
    [InlineData("::ffff:127.0.0.1", "loopback")]
    [InlineData("::ffff:10.0.0.1", "private")]
    [InlineData("64:ff9b::a9fe:a9fe", "link-local or metadata")]
    public void BlockedReason_InternalAddress_Named(string address, string reason) =>
        Assert.Equal(reason, WebhookAddressPolicy.BlockedReason(IPAddress.Parse(address)));

    [Theory]
    [InlineData("93.184.215.14")]
    [InlineData("8.8.8.8")]
    [InlineData("172.32.0.1")]
    [InlineData("100.128.0.1")]
    [InlineData("2606:4700::6810:84e5")]
    [InlineData("::ffff:8.8.8.8")]
    public void BlockedReason_PublicAddress_Null(string address) =>
        Assert.Null(WebhookAddressPolicy.BlockedReason(IPAddress.Parse(address)));
}
