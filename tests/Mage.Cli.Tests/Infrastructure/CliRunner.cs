namespace Mage.Cli.Tests.Infrastructure;

/// <summary>Runs the mage entry point in-process with captured output.</summary>
internal static class CliRunner
{
    public static async Task<(int ExitCode, string[] Output, string Error)> RunAsync(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exitCode = await MageApp.RunAsync(args, output, error);
        var lines = output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        return (exitCode, lines, error.ToString());
    }
}
