using System.Text.Json;
using Mage.Cli.Api;

namespace Mage.Cli.Commands;

/// <summary>What a verb's body works with: the client, the environment and the output mode.</summary>
/// <remarks>Lives for one command run.</remarks>
internal sealed class ApiSession(MageClient client, CliEnvironment environment, bool json)
{
    public MageClient Client { get; } = client;

    public CliEnvironment Environment { get; } = environment;

    public TextWriter Output => Environment.Output;

    public TextWriter Error => Environment.Error;

    /// <summary>True with <c>--json</c>: stdout carries exactly one JSON document.</summary>
    public bool Json { get; } = json;

    /// <summary>Writes the JSON document of a <c>--json</c> run.</summary>
    public Task WriteJsonAsync(JsonElement value) => Output.WriteLineAsync(JsonSerializer.Serialize(value, MageJson.Output));

    /// <summary>Writes an object as the JSON document of a <c>--json</c> run.</summary>
    public Task WriteJsonAsync<T>(T value) => Output.WriteLineAsync(JsonSerializer.Serialize(value, MageJson.Output));
}
