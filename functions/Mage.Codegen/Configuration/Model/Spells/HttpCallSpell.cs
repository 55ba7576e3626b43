namespace Mage.Codegen.Configuration;

/// <summary><c>http-call</c>: named calls to other APIs, each a group of requests run in series or in parallel.</summary>
/// <param name="Calls">The calls, in document order; names are unique.</param>
public sealed record HttpCallSpell(IReadOnlyList<HttpCall> Calls);
