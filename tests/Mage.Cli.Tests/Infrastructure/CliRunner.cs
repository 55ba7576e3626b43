namespace Mage.Cli.Tests.Infrastructure;

/// <summary>Runs the mage entry point in-process with captured output, without the test app.</summary>
internal static class CliRunner
{
    /// <summary>Runs offline verbs (validate, help); no environment variables.</summary>
    public static async Task<(int ExitCode, string[] Output, string Error)> RunAsync(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exitCode = await MageApp.RunAsync(args, output, error);
        var lines = output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        return (exitCode, lines, error.ToString());
    }

    /// <summary>Runs <c>mage</c> with real sockets (no in-process server) and only <paramref name="variables"/> as its environment.</summary>
    public static async Task<CliResult> RunOnTheNetworkAsync(IReadOnlyDictionary<string, string> variables, params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var environment = new CliEnvironment(output, error) { GetVariable = name => variables.TryGetValue(name, out var value) ? value : null };
        var exitCode = await MageApp.RunAsync(args, environment);
        return new CliResult(exitCode, output.ToString(), error.ToString());
    }
}
