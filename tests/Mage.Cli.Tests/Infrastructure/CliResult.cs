using System.Text.Json;

namespace Mage.Cli.Tests.Infrastructure;

/// <summary>What one in-process run of <c>mage</c> produced.</summary>
public sealed record CliResult(int ExitCode, string Output, string Error)
{
    /// <summary>Non-empty stdout lines.</summary>
    public string[] Lines => Output.Split('\n', StringSplitOptions.RemoveEmptyEntries);

    /// <summary>stdout as the single JSON document <c>--json</c> promises (fails the test if it is not one).</summary>
    public JsonElement Json()
    {
        using var document = JsonDocument.Parse(Output);
        return document.RootElement.Clone();
    }

    /// <inheritdoc />
    public override string ToString() => $"exit {ExitCode}\n--- stdout\n{Output}\n--- stderr\n{Error}";
}
