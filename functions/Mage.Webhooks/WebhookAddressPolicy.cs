using System.Net;
using System.Net.Sockets;

namespace Mage.Webhooks;

/// <summary>
/// Which IP addresses a webhook may not reach (SSRF guard): unspecified, loopback, private
/// (RFC 1918, IPv6 ULA), link-local (with the cloud metadata addresses 169.254.169.254 and
/// fd00:ec2::254), carrier-grade NAT, multicast, broadcast and reserved ranges. IPv4 addresses
/// embedded in IPv6 (mapped, NAT64) are judged as IPv4. Pure; thread-safe.
/// </summary>
public static class WebhookAddressPolicy
{
    private static readonly (IPAddress Network, int Prefix, string Name)[] BlockedV4 =
    [
        (IPAddress.Parse("0.0.0.0"), 8, "unspecified"),
        (IPAddress.Parse("10.0.0.0"), 8, "private"),
        (IPAddress.Parse("100.64.0.0"), 10, "carrier-grade NAT"),
        (IPAddress.Parse("127.0.0.0"), 8, "loopback"),
        (IPAddress.Parse("169.254.0.0"), 16, "link-local or metadata"),
        (IPAddress.Parse("172.16.0.0"), 12, "private"),
        (IPAddress.Parse("192.0.0.0"), 24, "IETF protocol assignments"),
        (IPAddress.Parse("192.168.0.0"), 16, "private"),
        (IPAddress.Parse("198.18.0.0"), 15, "benchmarking"),
        (IPAddress.Parse("224.0.0.0"), 4, "multicast"),
        (IPAddress.Parse("240.0.0.0"), 4, "reserved or broadcast"),
    ];

    private static readonly (IPAddress Network, int Prefix, string Name)[] BlockedV6 =
    [
        (IPAddress.IPv6Any, 128, "unspecified"),
        (IPAddress.IPv6Loopback, 128, "loopback"),
        (IPAddress.Parse("fc00::"), 7, "private (unique local) or metadata"),
        (IPAddress.Parse("fe80::"), 10, "link-local"),
        (IPAddress.Parse("fec0::"), 10, "site-local"),
        (IPAddress.Parse("ff00::"), 8, "multicast"),
        (IPAddress.Parse("100::"), 64, "discard"),
        (IPAddress.Parse("2001:db8::"), 32, "documentation"),
    ];

    private static readonly IPAddress Nat64Prefix = IPAddress.Parse("64:ff9b::");

    /// <summary>Why <paramref name="address"/> is refused (for example "loopback"), or null when it may be reached.</summary>
    public static string? BlockedReason(IPAddress address)
    {
        ArgumentNullException.ThrowIfNull(address);
        if (address.IsIPv4MappedToIPv6)
        {
            return BlockedReason(address.MapToIPv4());
        }

        if (address.AddressFamily == AddressFamily.InterNetworkV6 && InRange(address, Nat64Prefix, 96))
        {
            var bytes = address.GetAddressBytes();
            return BlockedReason(new IPAddress(bytes.AsSpan(12, 4)));
        }

        var ranges = address.AddressFamily == AddressFamily.InterNetwork ? BlockedV4 : BlockedV6;
        foreach (var (network, prefix, name) in ranges)
        {
            if (InRange(address, network, prefix))
            {
                return name;
            }
        }

        return null;
    }

    private static bool InRange(IPAddress address, IPAddress network, int prefix)
    {
        if (address.AddressFamily != network.AddressFamily)
        {
            return false;
        }

        Span<byte> a = stackalloc byte[16];
        Span<byte> n = stackalloc byte[16];
        address.TryWriteBytes(a, out var length);
        network.TryWriteBytes(n, out _);
        for (var bit = 0; bit < prefix && bit < length * 8; bit += 8)
        {
            var bits = Math.Min(8, prefix - bit);
            var mask = (byte)(0xFF << (8 - bits));
            if ((a[bit / 8] & mask) != (n[bit / 8] & mask))
            {
                return false;
            }
        }

        return true;
    }
}
