using System.Diagnostics;

namespace Mage.Builds.Tests.Drivers;

/// <summary>Checks whether a process still lives, with the real <c>kill -0</c>.</summary>
internal static class ProcessProbe
{
    public static bool IsAlive(int pid)
    {
        using var probe = Process.Start(new ProcessStartInfo("/bin/sh", ["-c", $"kill -0 {pid} 2>/dev/null"]))!;
        probe.WaitForExit();
        if (probe.ExitCode != 0)
        {
            return false;
        }

        // kill -0 succeeds on a zombie that init has not reaped yet: a zombie is not running.
        var stat = $"/proc/{pid}/stat";
        return File.Exists(stat) && File.ReadAllText(stat).Split(')')[^1].Trim()[0] != 'Z';
    }
}
