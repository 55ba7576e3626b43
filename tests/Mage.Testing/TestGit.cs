using System.Diagnostics;

namespace Mage.Testing;

/// <summary>Runs the real git as a person would at a terminal, with a fixed identity so commits work on any machine.</summary>
public static class TestGit
{
    /// <summary>Runs <c>git <paramref name="args"/></c> in <paramref name="directory"/>; returns standard output, throws with git's own message when it fails.</summary>
    public static async Task<string> RunAsync(string directory, params string[] args)
    {
        var start = new ProcessStartInfo("git") { WorkingDirectory = directory, RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var arg in new[] { "-c", "user.name=Tester", "-c", "user.email=tester@mage.invalid" }.Concat(args))
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"git {string.Join(' ', args)} exited {process.ExitCode}: {error}");
        }

        return await output;
    }

    /// <summary><see cref="RunAsync"/> for set-up code that cannot await (constructors).</summary>
    public static string Run(string directory, params string[] args) => RunAsync(directory, args).GetAwaiter().GetResult();
}
