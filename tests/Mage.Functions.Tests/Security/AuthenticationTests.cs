using System.Net;
using Mage.Functions.Tests.Infrastructure;

namespace Mage.Functions.Tests.Security;

public sealed class AuthenticationTests
{
    [Theory]
    [InlineData(null)]
    [InlineData("wrong-key-0123456789")]
    public async Task ProtectedRoute_NoOrWrongKey_Unauthorized(string? key)
    {
        await using var app = await MageAppFactory.CreateAsync();
        using var client = key is null ? app.CreateClient() : app.CreateClientWithKey(key);

        var response = await client.GetAsync(new Uri("/api/services", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task ProtectedRoute_AdminKeyInQuery_NotUnauthorized()
    {
        await using var app = await MageAppFactory.CreateAsync();
        using var client = app.CreateClient();

        var response = await client.GetAsync(new Uri($"/api/services?code={Uri.EscapeDataString(app.AdminKey)}", UriKind.Relative));

        Assert.NotEqual(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task ProtectedRoute_DuringAdminKeyRotation_BothKeysWorkAndOthersDoNot()
    {
        const string old = "old-admin-key-0123456789";
        await using var app = await MageAppFactory.CreateAsync(new Dictionary<string, string?> { ["Mage:PreviousAdminKey"] = old });
        using var current = app.CreateAdminClient();
        using var previous = app.CreateClientWithKey(old);
        using var other = app.CreateClientWithKey("old-admin-key-0123456780");

        Assert.Equal(HttpStatusCode.OK, (await current.GetAsync(new Uri("/api/services", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await previous.GetAsync(new Uri("/api/services", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await other.GetAsync(new Uri("/api/services", UriKind.Relative))).StatusCode);
    }

    [Fact]
    public async Task ProtectedRoute_RotationFinished_PreviousKeyRefused()
    {
        await using var app = await MageAppFactory.CreateAsync();
        using var previous = app.CreateClientWithKey("old-admin-key-0123456789");

        Assert.Equal(HttpStatusCode.Unauthorized, (await previous.GetAsync(new Uri("/api/services", UriKind.Relative))).StatusCode);
    }
}
