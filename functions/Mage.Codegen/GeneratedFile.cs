namespace Mage.Codegen;

/// <summary>One file of a build's generated code.</summary>
/// <param name="Path">Relative path with forward slashes, no <c>..</c>, no leading <c>/</c>.</param>
/// <param name="Content">The bytes, exactly as written to the workspace and committed by the merge-request step.</param>
public sealed record GeneratedFile(string Path, byte[] Content);
