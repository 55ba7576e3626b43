using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace Mage.Functions.Security;

/// <summary>
/// The Azure Functions key convention: header <c>x-functions-key</c> or query <c>code</c>.
/// The admin key grants every route; a service key grants only its own service.
/// </summary>
/// <remarks>Registered per request by ASP.NET Core; holds no state of its own.</remarks>
public sealed class FunctionsKeyAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    AdminKey adminKey,
    IServiceProvider services)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    /// <summary>The scheme name.</summary>
    public const string SchemeName = "FunctionsKey";

    /// <summary>Header that carries the key.</summary>
    public const string HeaderName = "x-functions-key";

    /// <inheritdoc />
    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var presented = Request.Headers[HeaderName].FirstOrDefault() ?? Request.Query["code"].FirstOrDefault();
        if (string.IsNullOrEmpty(presented))
        {
            return AuthenticateResult.NoResult();
        }

        if (adminKey.Matches(presented))
        {
            return Success(new Claim(MageClaims.Role, MageClaims.AdminRole));
        }

        if (services.GetService<IServiceKeyStore>() is { } store)
        {
            var service = await store.FindServiceAsync(presented, Context.RequestAborted);
            if (service is not null)
            {
                return Success(new Claim(MageClaims.Role, MageClaims.ServiceRole), new Claim(MageClaims.Service, service));
            }
        }

        return AuthenticateResult.Fail("The key is not valid.");
    }

    /// <inheritdoc />
    protected override Task HandleChallengeAsync(AuthenticationProperties properties) =>
        WriteProblemAsync(StatusCodes.Status401Unauthorized, "Unauthorized", "A valid key is required: send it in the x-functions-key header or the code query parameter.");

    /// <inheritdoc />
    protected override Task HandleForbiddenAsync(AuthenticationProperties properties) =>
        WriteProblemAsync(StatusCodes.Status403Forbidden, "Forbidden", "This key may not use this route; it needs the admin key.");

    private AuthenticateResult Success(params Claim[] claims) =>
        AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(new ClaimsIdentity(claims, SchemeName)), SchemeName));

    private Task WriteProblemAsync(int status, string title, string detail)
    {
        Response.StatusCode = status;
        return Results.Problem(statusCode: status, title: title, detail: detail).ExecuteAsync(Context);
    }
}
