namespace Mage.Codegen.Configuration;

/// <summary><c>audit-log</c>: one structured record per operation listed (who, what, when, the key).</summary>
/// <param name="Entities">The entities audited (resolved: all when not given).</param>
/// <param name="Operations">The operations audited (default: create, update, delete).</param>
public sealed record AuditLogSpell(IReadOnlyList<string> Entities, IReadOnlyList<EntityOperation> Operations);
