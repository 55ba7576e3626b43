namespace Mage.Builds.Records;

/// <summary>Result of <see cref="BuildStore.CreateAsync"/>.</summary>
/// <param name="Build">The build registered now, or the one an earlier request with the same idempotency key registered.</param>
/// <param name="Created">False when <paramref name="Build"/> is the earlier one.</param>
public sealed record BuildCreation(BuildRecord Build, bool Created);
