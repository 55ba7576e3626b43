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
}
