using System.CommandLine;
using Mage.Cli.Commands;

namespace Mage.Cli;

/// <summary>
/// The <c>mage</c> command line. Each verb lives in its own file under <c>Commands/</c> and is
/// registered in <see cref="BuildRootCommand"/>; this class owns only the exit-code contract.
/// </summary>
public static class MageApp
{
    /// <summary>Exit code: success (validate: every file valid; submit --follow: the build passed, also with allowed failures).</summary>
    public const int Success = 0;

    /// <summary>
    /// Exit code: the command ran and the answer is a failure: a manifest or configuration is
    /// invalid (locally or as the API's 400 with positioned errors), a followed build failed, was
    /// killed or timed out, or a downloaded artifact does not match its checksum.
    /// </summary>
    public const int Failure = 1;

    /// <summary>Exit code: the command line itself is wrong, or an input file cannot be read.</summary>
    public const int UsageError = 2;

    /// <summary>Exit code: the API refused the request (401, 404, 409, 422, 5xx…) or could not be reached.</summary>
    public const int ApiError = 3;

    /// <summary>Builds the root command with every verb, bound to <paramref name="environment"/>.</summary>
    public static RootCommand BuildRootCommand(CliEnvironment environment)
    {
        ArgumentNullException.ThrowIfNull(environment);
        var root = new RootCommand("mage: submit and follow Mage Functions builds, and validate build manifests.")
        {
            ValidateCommand.Create(),
            SubmitCommand.Create(environment),
            BuildsCommand.Create(environment),
            StatusCommand.Create(environment),
            LogsCommand.Create(environment),
            KillCommand.Create(environment),
            ArtifactsCommand.Create(environment),
            ServicesCommand.Create(environment),
            ConfigCommand.Create(environment),
        };
        return root;
    }

    /// <summary>Runs <paramref name="args"/> writing to the given streams, with no environment variables and no live display.</summary>
    public static Task<int> RunAsync(string[] args, TextWriter output, TextWriter error, CancellationToken cancellationToken = default) =>
        RunAsync(args, new CliEnvironment(output, error), cancellationToken);

    /// <summary>Runs <paramref name="args"/> in <paramref name="environment"/>; returns the exit code. Tests call this in-process.</summary>
    public static async Task<int> RunAsync(string[] args, CliEnvironment environment, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(environment);
        var parseResult = BuildRootCommand(environment).Parse(args);
        var configuration = new InvocationConfiguration { Output = environment.Output, Error = environment.Error };
        if (parseResult.Errors.Count > 0 && parseResult.Action is System.CommandLine.Invocation.ParseErrorAction)
        {
            // System.CommandLine answers parse errors with 1; our contract keeps 1 for "invalid
            // input" and reserves 2 for usage errors, like compilers and grep.
            foreach (var parseError in parseResult.Errors)
            {
                await environment.Error.WriteLineAsync($"mage: {parseError.Message}");
            }

            await environment.Error.WriteLineAsync("Run 'mage --help' for usage.");
            return UsageError;
        }

        return await parseResult.InvokeAsync(configuration, cancellationToken);
    }
}
