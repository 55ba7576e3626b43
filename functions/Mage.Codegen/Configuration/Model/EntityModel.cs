namespace Mage.Codegen.Configuration;

/// <summary>One entity of the data model.</summary>
/// <param name="Name">PascalCase name, unique in the configuration (e.g. <c>Customer</c>).</param>
/// <param name="Description">Free text, or null.</param>
/// <param name="Fields">Fields in document order; exactly one has <see cref="FieldModel.IsKey"/>.</param>
public sealed record EntityModel(string Name, string? Description, IReadOnlyList<FieldModel> Fields)
{
    /// <summary>The key field.</summary>
    public FieldModel Key => Fields.First(f => f.IsKey);
}
