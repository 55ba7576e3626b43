namespace Mage.Builds.Orchestration;

/// <summary>Input of the code generation step (architecture.md step 5).</summary>
/// <param name="BuildId">The build.</param>
/// <param name="Lease">The workspace the code is written into.</param>
/// <param name="ConfigurationVersion">The saved configuration version to generate from.</param>
public sealed record GenerateCodeInput(string BuildId, DriverLease Lease, long ConfigurationVersion);

/// <summary>What the code generation step did.</summary>
/// <param name="Succeeded">Whether the code was generated, written and kept.</param>
/// <param name="Error">Why not (the pack's or the configuration's message), for the build's error.</param>
/// <param name="Files">How many files were generated.</param>
public sealed record GenerateCodeResult(bool Succeeded, string? Error, int Files);
