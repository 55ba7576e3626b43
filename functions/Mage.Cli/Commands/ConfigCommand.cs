using System.CommandLine;

namespace Mage.Cli.Commands;

/// <summary><c>mage config save|show|versions</c>: a service's saved configuration (the input of Mage's code generation).</summary>
internal static class ConfigCommand
{
    public static Command Create(CliEnvironment environment) =>
        new("config", "Save or show a service's configuration (versioned)")
        {
            ConfigSaveCommand.Create(environment),
            ConfigShowCommand.Create(environment),
            ConfigVersionsCommand.Create(environment),
        };
}
