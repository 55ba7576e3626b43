namespace Mage.Catalog;

/// <summary>One problem with a request body: the JSON path of the field and what is wrong.</summary>
/// <param name="Path">Path of the field, e.g. <c>repository.url</c>.</param>
/// <param name="Message">What is wrong and what is expected; never contains a secret value.</param>
public sealed record CatalogValidationError(string Path, string Message);
