namespace Mage.Manifests;

/// <summary>
/// The driver types the manifest format knows, and the keys each needs. Whether a deployment
/// runs a type is checked at submit, not here.
/// </summary>
public static class DriverTypes
{
    /// <summary>djinn's Docker driver.</summary>
    public const string Docker = "docker";

    /// <summary>djinn's QEMU driver.</summary>
    public const string Qemu = "qemu";

    /// <summary>djinn's SSH driver.</summary>
    public const string Ssh = "ssh";

    /// <summary>djinn's driver running on the worker host.</summary>
    public const string Os = "os";

    /// <summary>Mage: a workspace folder on the worker (djinn's <c>os</c>, through a shell).</summary>
    public const string Local = "local";

    /// <summary>Mage: <c>local</c> inside bubblewrap namespaces.</summary>
    public const string Sandbox = "sandbox";

    /// <summary>Every valid type, in documentation order.</summary>
    public static IReadOnlyList<string> All { get; } = [Docker, Qemu, Ssh, Os, Local, Sandbox];

    /// <summary>Keys a type requires (as djinn's <c>Manifest.Validate</c> does).</summary>
    public static IReadOnlyList<string> RequiredKeys(string type) => type switch
    {
        Docker => ["image", "workspace"],
        Qemu => ["image"],
        Ssh => ["address"],
        _ => [],
    };

    /// <summary>Keys a type understands; others draw a warning.</summary>
    public static IReadOnlyList<string> KnownKeys(string type) => type switch
    {
        Docker => ["image", "workspace"],
        Qemu => ["image", "arch"],
        Ssh => ["address"],
        _ => [],
    };
}
