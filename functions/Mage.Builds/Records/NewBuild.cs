namespace Mage.Builds.Records;

/// <summary>What the build trigger asks <see cref="BuildStore.CreateAsync"/> to register.</summary>
/// <param name="Service">Owning service (already known to exist).</param>
/// <param name="Tag">Validated tag.</param>
/// <param name="Comment">Free text.</param>
/// <param name="ConfigurationVersion">Saved configuration version used, if any.</param>
/// <param name="IdempotencyKey">The request's <c>Idempotency-Key</c>, if any.</param>
public sealed record NewBuild(string Service, string Tag, string? Comment, long? ConfigurationVersion, string? IdempotencyKey);
