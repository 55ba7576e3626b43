namespace Mage.Builds.Drivers;

/// <summary>Settings shared by the workspace drivers (<see cref="LocalDriver"/>, <see cref="SandboxDriver"/>).</summary>
public sealed class DriverOptions
{
    /// <summary>The folder under which each build gets <c>&lt;WorkRoot&gt;/&lt;buildId&gt;</c>. Created (mode 0700) when missing.</summary>
    public required string WorkRoot { get; init; }

    /// <summary>The deadline of a destroy, whatever token it is given: 30 seconds by default.</summary>
    public TimeSpan DestroyTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>PATH given to jobs unless their environment sets one.</summary>
    public string DefaultPath { get; init; } = "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin";
}
