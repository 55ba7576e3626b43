namespace Mage.Cli;

/// <summary>The process entry point. A named class rather than top-level statements, so that tests can host the service's own <c>Program</c> beside it.</summary>
internal static class Program
{
    public static Task<int> Main(string[] args) => MageApp.RunAsync(args, CliEnvironment.FromProcess());
}
