using Spectre.Console;

namespace Mage.Cli;

/// <summary>
/// What the CLI needs from the process it runs in: where output goes, where settings come
/// from, how HTTP reaches the service and whether a live terminal display may be drawn. The
/// real process uses <see cref="FromProcess"/>; tests build one around in-memory writers and
/// an in-process server's handler, so no global state (environment variables, the console) is shared.
/// </summary>
/// <remarks>Immutable; one instance may serve concurrent runs as long as its writers are not shared.</remarks>
public sealed class CliEnvironment
{
    /// <summary>Creates an environment; unset members fall back to plain, non-interactive defaults.</summary>
    public CliEnvironment(TextWriter output, TextWriter error)
    {
        Output = output;
        Error = error;
    }

    /// <summary>Standard output: results (text, or JSON with <c>--json</c>).</summary>
    public TextWriter Output { get; }

    /// <summary>Standard error: problems and hints.</summary>
    public TextWriter Error { get; }

    /// <summary>Reads an environment variable (<c>MAGE_URL</c>, <c>MAGE_KEY</c>); null when unset.</summary>
    public Func<string, string?> GetVariable { get; init; } = _ => null;

    /// <summary>
    /// Creates the handler under the CLI's <see cref="HttpClient"/>; null means a real
    /// <see cref="SocketsHttpHandler"/>. The CLI disposes what this returns.
    /// </summary>
    public Func<HttpMessageHandler>? CreateHttpHandler { get; init; }

    /// <summary>
    /// Creates the console for live progress (<c>mage submit --follow</c>), or returns null for
    /// plain line output (stdout is not a terminal).
    /// </summary>
    public Func<IAnsiConsole?> CreateLiveConsole { get; init; } = () => null;

    /// <summary>How often a followed build is read again.</summary>
    public TimeSpan PollInterval { get; init; } = TimeSpan.FromMilliseconds(500);

    /// <summary>The real process: console streams, environment variables, a live display only on a terminal.</summary>
    public static CliEnvironment FromProcess() => new(Console.Out, Console.Error)
    {
        GetVariable = Environment.GetEnvironmentVariable,
        CreateLiveConsole = () => Console.IsOutputRedirected || Environment.GetEnvironmentVariable("TERM") == "dumb"
            ? null
            : AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Out) }),
    };
}
