using System.CommandLine;

namespace Mage.Cli.Commands;

/// <summary>The options every verb that talks to the API shares: <c>--url</c>, <c>--key</c>, <c>--json</c>.</summary>
/// <remarks>One instance per command: System.CommandLine options belong to the command they are added to.</remarks>
internal sealed class ApiOptions
{
    /// <summary>Environment variable for the deployment's address.</summary>
    public const string UrlVariable = "MAGE_URL";

    /// <summary>Environment variable for the key.</summary>
    public const string KeyVariable = "MAGE_KEY";

    public Option<string?> Url { get; } = new("--url")
    {
        Description = $"Address of the Mage deployment (default: ${UrlVariable}, else {Api.MageClient.DefaultUrl})",
        HelpName = "URL",
    };

    public Option<string?> Key { get; } = new("--key")
    {
        Description = $"API key sent as x-functions-key (default: ${KeyVariable}; prefer the variable, command lines are visible to other users)",
        HelpName = "KEY",
    };

    public Option<bool> Json { get; } = new("--json")
    {
        Description = "Write machine-readable JSON to stdout (the API's own shape where there is one)",
    };

    /// <summary>Adds the options to <paramref name="command"/> and returns it.</summary>
    public Command AddTo(Command command)
    {
        command.Options.Add(Url);
        command.Options.Add(Key);
        command.Options.Add(Json);
        return command;
    }
}
