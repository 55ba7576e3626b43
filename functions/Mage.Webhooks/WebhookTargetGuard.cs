using System.Net;
using System.Net.Sockets;

namespace Mage.Webhooks;

/// <summary>
/// Checks webhook targets against <see cref="WebhookAddressPolicy"/> unless private networks are
/// allowed: the URL at subscription time, and the address actually connected to at delivery time
/// (DNS may answer differently by then). Thread-safe singleton.
/// </summary>
public sealed class WebhookTargetGuard(WebhookOptions options)
{
    /// <summary>Longest URL accepted.</summary>
    public const int MaxUrlLength = 2048;

    /// <summary>
    /// Why <paramref name="url"/> cannot be a webhook target, or null when it can. Resolves the host;
    /// every address it resolves to must be allowed. Messages say what to change.
    /// </summary>
    public async Task<string?> ProblemWithUrlAsync(string? url, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(url))
        {
            return "url is required: the absolute http or https address that receives the events.";
        }

        if (url.Length > MaxUrlLength)
        {
            return $"url is {url.Length} characters; the limit is {MaxUrlLength}.";
        }

        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
        {
            return "url must be an absolute http:// or https:// address, such as https://example.com/hooks/mage.";
        }

        if (uri.UserInfo.Length > 0)
        {
            return "url must not carry a user name or password; authenticate the request with the webhook signature instead.";
        }

        if (!string.IsNullOrEmpty(uri.Fragment))
        {
            return "url must not have a #fragment; it is never sent to the receiver.";
        }

        if (options.AllowPrivateNetworks)
        {
            return null;
        }

        IPAddress[] addresses;
        try
        {
            addresses = await ResolveAsync(uri.IdnHost, cancellationToken).ConfigureAwait(false);
        }
        catch (SocketException ex)
        {
            return $"The host {uri.IdnHost} of url does not resolve ({ex.SocketErrorCode}); use a host name that resolves publicly.";
        }

        return ProblemWithAddresses(uri.IdnHost, addresses);
    }

    /// <summary>
    /// A <see cref="SocketsHttpHandler.ConnectCallback"/> that resolves the host itself, refuses
    /// blocked addresses (unless allowed) and connects only to the address it checked.
    /// </summary>
    public async ValueTask<Stream> ConnectAsync(SocketsHttpConnectionContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var endpoint = context.DnsEndPoint;
        var addresses = await ResolveAsync(endpoint.Host, cancellationToken).ConfigureAwait(false);
        if (!options.AllowPrivateNetworks && ProblemWithAddresses(endpoint.Host, addresses) is { } problem)
        {
            throw new WebhookTargetRefusedException(problem);
        }

        SocketException? last = null;
        foreach (var address in addresses)
        {
            var socket = new Socket(address.AddressFamily, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
            try
            {
                await socket.ConnectAsync(new IPEndPoint(address, endpoint.Port), cancellationToken).ConfigureAwait(false);
                return new NetworkStream(socket, ownsSocket: true);
            }
            catch (SocketException ex)
            {
                socket.Dispose();
                last = ex;
            }
            catch
            {
                socket.Dispose();
                throw;
            }
        }

        throw last ?? new SocketException((int)SocketError.HostNotFound);
    }

    private static string? ProblemWithAddresses(string host, IPAddress[] addresses)
    {
        if (addresses.Length == 0)
        {
            return $"The host {host} resolves to no address.";
        }

        foreach (var address in addresses)
        {
            if (WebhookAddressPolicy.BlockedReason(address) is { } reason)
            {
                return $"The host {host} resolves to {address}, a {reason} address; webhooks may only reach public addresses (a deployment may allow private ones with Mage__Webhooks__AllowPrivateNetworks=true).";
            }
        }

        return null;
    }

    private static async Task<IPAddress[]> ResolveAsync(string host, CancellationToken cancellationToken) =>
        IPAddress.TryParse(host.Trim('[', ']'), out var literal) ? [literal] : await Dns.GetHostAddressesAsync(host, cancellationToken).ConfigureAwait(false);
}
