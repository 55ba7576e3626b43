using System.Diagnostics;
using System.Text;

namespace Mage.CodeHosts.Git;

/// <summary>
/// Runs the real <c>git</c> for the git provider: arguments as an argument list (no shell), the
/// environment of <see cref="GitCommand.Environment"/> only, standard input closed unless given,
/// and a time limit after which git is killed. Thread-safe.
/// </summary>
/// <param name="timeout">Longest one command may run.</param>
/// <param name="observer">Sees every command before it starts (tests check that no credential is on a command line); null in production.</param>
public sealed class GitRunner(TimeSpan timeout, Action<GitCommand>? observer = null)
{
    private const int MaxOutputChars = 1 << 20;

    /// <summary>Runs <paramref name="command"/>; <paramref name="secret"/> (the token) is scrubbed from what it wrote to standard error.</summary>
    /// <exception cref="CodeHostException">git did not finish within the time limit (transient).</exception>
    public async Task<GitResult> RunAsync(GitCommand command, string? secret, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        observer?.Invoke(command);
        var start = new ProcessStartInfo("git")
        {
            WorkingDirectory = command.WorkingDirectory,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in command.Arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment.Clear();
        foreach (var (name, value) in command.Environment)
        {
            start.Environment[name] = value;
        }

        using var process = Process.Start(start) ?? throw new CodeHostException("git could not be started; is git installed?");
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        limit.CancelAfter(timeout);
        var output = ReadLimitedAsync(process.StandardOutput);
        var error = ReadLimitedAsync(process.StandardError);
        try
        {
            if (command.StandardInput is not null)
            {
                await process.StandardInput.WriteAsync(command.StandardInput.AsMemory(), limit.Token);
            }

            process.StandardInput.Close();
            await process.WaitForExitAsync(limit.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            if (cancellationToken.IsCancellationRequested)
            {
                throw;
            }

            throw new CodeHostException($"{command} did not finish within {timeout}", transient: true);
        }

        return new GitResult(process.ExitCode, await output, Scrub(await error, secret));
    }

    /// <summary><paramref name="text"/> with every occurrence of <paramref name="secret"/> replaced by <c>xxxxxx</c>.</summary>
    public static string Scrub(string text, string? secret) =>
        string.IsNullOrEmpty(secret) ? text : text.Replace(secret, "xxxxxx", StringComparison.Ordinal);

    private static async Task<string> ReadLimitedAsync(StreamReader reader)
    {
        var text = new StringBuilder();
        var buffer = new char[8192];
        int read;
        while ((read = await reader.ReadAsync(buffer)) > 0)
        {
            if (text.Length < MaxOutputChars)
            {
                text.Append(buffer, 0, Math.Min(read, MaxOutputChars - text.Length));
            }
        }

        return text.ToString();
    }
}
