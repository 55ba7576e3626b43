namespace Mage.Catalog;

/// <summary>Outcome of <see cref="VariableStore.PutAsync"/>.</summary>
/// <param name="Variable">The variable as the API shows it.</param>
/// <param name="Created">True when the key did not exist before.</param>
public sealed record VariablePutResult(VariableRecord Variable, bool Created);
