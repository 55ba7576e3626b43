using System.Security.Claims;

namespace Mage.Functions.Security;

/// <summary>Who may see a service's resources: the admin key, or that service's own key. Pure; thread-safe.</summary>
public static class ServiceAccess
{
    /// <summary>True for the admin key.</summary>
    public static bool IsAdmin(this ClaimsPrincipal user) => user.HasClaim(MageClaims.Role, MageClaims.AdminRole);

    /// <summary>True when <paramref name="user"/> may read or change <paramref name="service"/>.</summary>
    public static bool CanAccess(this ClaimsPrincipal user, string service) =>
        user.IsAdmin() || (user.HasClaim(MageClaims.Role, MageClaims.ServiceRole) && user.HasClaim(MageClaims.Service, service));
}
