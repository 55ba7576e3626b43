using System.CommandLine;
using Mage.Cli.Commands;

namespace Mage.Cli;

/// <summary>
/// The <c>mage</c> command line. Each verb lives in its own file under <c>Commands/</c> and is
/// registered in <see cref="BuildRootCommand"/>; this class owns only the exit-code contract.
/// </summary>
public static class MageApp
{
    /// <summary>Exit code: success (for validate: every file valid).</summary>
    public const int Success = 0;

    /// <summary>Exit code: the command ran and found a problem (for validate: a file is invalid).</summary>
    public const int Failure = 1;

    /// <summary>Exit code: the command line itself is wrong, or an input cannot be read.</summary>
    public const int UsageError = 2;

    /// <summary>Builds the root command with every verb.</summary>
    public static RootCommand BuildRootCommand()
    {
        var root = new RootCommand("mage: submit and follow Mage Functions builds, and validate build manifests.");
        root.Subcommands.Add(ValidateCommand.Create());
        return root;
    }

    /// <summary>Runs <paramref name="args"/> writing to the given streams; returns the exit code. Tests call this in-process.</summary>
    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error, CancellationToken cancellationToken = default)
    {
        var parseResult = BuildRootCommand().Parse(args);
        var configuration = new InvocationConfiguration { Output = output, Error = error };
        if (parseResult.Errors.Count > 0 && parseResult.Action is System.CommandLine.Invocation.ParseErrorAction)
        {
            // System.CommandLine answers parse errors with 1; our contract keeps 1 for "invalid
            // input" and reserves 2 for usage errors, like compilers and grep.
            foreach (var parseError in parseResult.Errors)
            {
                await error.WriteLineAsync($"mage: {parseError.Message}");
            }

            await error.WriteLineAsync("Run 'mage --help' for usage.");
            return UsageError;
        }

        return await parseResult.InvokeAsync(configuration, cancellationToken);
    }
}
