using System.Net.Http.Json;
using Mage.Testing;
using Spectre.Console;

namespace Mage.Cli.Tests.Infrastructure;

/// <summary>
/// One running app per test class (xunit class fixture), and the way to run <c>mage</c> against
/// it: the CLI's HTTP goes through the in-process server's handler and its key comes from a
/// private <c>MAGE_KEY</c>, exactly as a user's environment would give it. Tests isolate
/// themselves by creating their own service (<see cref="CreateServiceAsync"/>).
/// </summary>
public sealed class MageAppFixture : IAsyncLifetime
{
    /// <summary>The address given to the CLI; the in-process handler answers whatever the host.</summary>
    public const string Url = "http://localhost";

    private CliAppFactory? _app;

    /// <summary>The running app.</summary>
    public CliAppFactory App => _app ?? throw new InvalidOperationException("The fixture is not started.");

    /// <summary>A client with the admin key, for setting up and checking what the CLI did.</summary>
    public HttpClient Admin { get; private set; } = null!;

    /// <inheritdoc />
    public async Task InitializeAsync()
    {
        _app = await CliAppFactory.CreateAsync();
        Admin = _app.CreateClient();
        Admin.DefaultRequestHeaders.Add("x-functions-key", _app.AdminKey);
    }

    /// <inheritdoc />
    public async Task DisposeAsync()
    {
        Admin.Dispose();
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }
    }

    /// <summary>Creates a service unique to the calling test and returns its name.</summary>
    public async Task<string> CreateServiceAsync()
    {
        var service = TestNames.Unique("svc");
        using var response = await Admin.PutAsJsonAsync(new Uri($"/api/services/{service}", UriKind.Relative), new { displayName = "CLI test " + service });
        Assert.True(response.IsSuccessStatusCode, $"creating {service}: {(int)response.StatusCode}");
        return service;
    }

    /// <summary>Runs <c>mage</c> with the admin key in <c>MAGE_KEY</c> and <c>--url</c> set to the app.</summary>
    public Task<CliResult> RunAsync(params string[] args) => RunAsync(new Dictionary<string, string> { ["MAGE_KEY"] = App.AdminKey }, args);

    /// <summary>Runs <c>mage</c> with exactly <paramref name="variables"/> as its environment, against the app.</summary>
    public Task<CliResult> RunAsync(IReadOnlyDictionary<string, string> variables, params string[] args) =>
        RunAsync(variables, null, args);

    /// <summary>Runs <c>mage</c>; <paramref name="liveConsole"/> (given the output writer) forces the live display.</summary>
    public Task<CliResult> RunAsync(IReadOnlyDictionary<string, string> variables, Func<TextWriter, IAnsiConsole>? liveConsole, params string[] args) =>
        RunAsync(variables, liveConsole, CancellationToken.None, args);

    /// <summary>Runs <c>mage</c> until it ends or <paramref name="cancellationToken"/> fires (what Ctrl+C does to the real process).</summary>
    public async Task<CliResult> RunAsync(IReadOnlyDictionary<string, string> variables, Func<TextWriter, IAnsiConsole>? liveConsole, CancellationToken cancellationToken, params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var environment = new CliEnvironment(TextWriter.Synchronized(output), TextWriter.Synchronized(error))
        {
            GetVariable = name => variables.TryGetValue(name, out var value) ? value : null,
            CreateHttpHandler = App.Server.CreateHandler,
            CreateLiveConsole = liveConsole is null ? () => null : () => liveConsole(output),
            PollInterval = TimeSpan.FromMilliseconds(100),
        };
        var exitCode = await MageApp.RunAsync([.. args, "--url", Url], environment, cancellationToken);
        return new CliResult(exitCode, output.ToString(), error.ToString());
    }
}
