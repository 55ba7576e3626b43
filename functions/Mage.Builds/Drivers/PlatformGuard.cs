namespace Mage.Builds.Drivers;

/// <summary>Workspace drivers use POSIX modes, process groups and signals: Linux (and other Unix) only.</summary>
internal static class PlatformGuard
{
    internal const string Message = "workspace drivers need a Unix host (POSIX file modes, process groups, signals)";
}
