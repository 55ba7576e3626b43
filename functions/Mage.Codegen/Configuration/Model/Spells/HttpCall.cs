namespace Mage.Codegen.Configuration;

/// <summary>One named call of the <c>http-call</c> spell.</summary>
/// <param name="Name">camelCase name, unique (custom endpoints refer to it with <c>calls</c>).</param>
/// <param name="Mode">Series (each request after the previous one succeeded) or parallel (all at once).</param>
/// <param name="Timeout">Limit on the whole call (default 10 s).</param>
/// <param name="Requests">The requests, in document order (at least one).</param>
public sealed record HttpCall(string Name, HttpCallMode Mode, TimeSpan Timeout, IReadOnlyList<HttpCallRequest> Requests);
