namespace Mage.Codegen.Configuration;

/// <summary><c>circuit-breaker</c>: after <see cref="FailureThreshold"/> failures in a row a call is refused at once for <see cref="BreakDuration"/>.</summary>
/// <param name="FailureThreshold">Consecutive failures that open the circuit (default 5).</param>
/// <param name="BreakDuration">How long the circuit stays open (default 30 s).</param>
/// <param name="Calls">The <c>http-call</c> calls protected (resolved: all when not given).</param>
public sealed record CircuitBreakerSpell(int FailureThreshold, TimeSpan BreakDuration, IReadOnlyList<string> Calls);
