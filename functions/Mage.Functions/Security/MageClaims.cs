namespace Mage.Functions.Security;

/// <summary>Claim types and values issued by <see cref="FunctionsKeyAuthenticationHandler"/>.</summary>
public static class MageClaims
{
    /// <summary>Role claim type.</summary>
    public const string Role = "mage:role";

    /// <summary>The service a service key belongs to.</summary>
    public const string Service = "mage:service";

    /// <summary>Role of the admin key.</summary>
    public const string AdminRole = "admin";

    /// <summary>Role of a per-service key.</summary>
    public const string ServiceRole = "service";

    /// <summary>Policy: admin key only.</summary>
    public const string AdminPolicy = "admin";
}
