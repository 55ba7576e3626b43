namespace Mage.Builds.Jobs;

/// <summary>
/// Finds <c>setsid</c> (util-linux). .NET's <see cref="System.Diagnostics.Process"/> cannot make a
/// child a session leader itself, so jobs run as <c>setsid --wait program …</c>: the program gets
/// its own session and process group (whose id is its pid), and the whole group can be signalled.
/// </summary>
public static class SessionLauncher
{
    private static readonly string[] Candidates = ["/usr/bin/setsid", "/bin/setsid"];

    /// <summary>The path of <c>setsid</c>, or <see langword="null"/> when it is not installed.</summary>
    public static string? Find() => Candidates.FirstOrDefault(File.Exists);

    /// <summary>The message for a missing <c>setsid</c>.</summary>
    public const string MissingMessage = "running jobs needs setsid (util-linux): apt-get install util-linux";
}
