using System.Runtime.InteropServices;

namespace Mage.Builds.Jobs;

/// <summary>Sends POSIX signals to processes and process groups through libc.</summary>
/// <remarks>
/// A classic <see cref="DllImportAttribute"/> on purpose: <c>LibraryImport</c> generates unsafe
/// code and would need <c>AllowUnsafeBlocks</c> in the project; <c>kill(int, int)</c> has only
/// blittable arguments, so the runtime marshals it without any stub either way.
/// </remarks>
internal static class NativeSignals
{
    internal const int SigKill = 9;
    internal const int SigTerm = 15;

    /// <summary>errno for "no such process or process group".</summary>
    internal const int NoSuchProcess = 3;

    [DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static extern int Kill(int pid, int signal);

    /// <summary>Signals a process (<paramref name="pid"/> &gt; 0) or a process group (<paramref name="pid"/> &lt; 0).</summary>
    /// <returns>0 on success, otherwise the errno.</returns>
    internal static int Signal(int pid, int signal) =>
        Kill(pid, signal) == 0 ? 0 : Marshal.GetLastPInvokeError();
}
