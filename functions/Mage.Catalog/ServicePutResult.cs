namespace Mage.Catalog;

/// <summary>Outcome of <see cref="ServiceCatalog.PutAsync"/>.</summary>
/// <param name="Service">The service as stored.</param>
/// <param name="Created">True when the call created the service, false when it updated one.</param>
public sealed record ServicePutResult(ServiceRecord Service, bool Created);
