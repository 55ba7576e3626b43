namespace Mage.Infra.Tests;

/// <summary>What one bicep invocation printed and how it exited.</summary>
internal sealed record BicepResult(int ExitCode, string Output, string Diagnostics)
{
    /// <summary>Everything it printed, for assertion messages.</summary>
    public override string ToString() => $"exit {ExitCode}\n{Diagnostics}\n{Output}";
}
