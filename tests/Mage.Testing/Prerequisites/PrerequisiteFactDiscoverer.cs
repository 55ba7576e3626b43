using Xunit.Abstractions;
using Xunit.Sdk;

namespace Mage.Testing.Prerequisites;

/// <summary>
/// Discovers <see cref="PrerequisiteFactAttribute"/> tests: as plain facts (skipped through their
/// <c>Skip</c> when the prerequisite is missing), except under <c>MAGE_REQUIRE_ALL_TESTS=1</c>, where a
/// test whose prerequisite is missing becomes one failing test case carrying the reason.
/// </summary>
public sealed class PrerequisiteFactDiscoverer(IMessageSink diagnosticMessageSink) : FactDiscoverer(diagnosticMessageSink)
{
    /// <inheritdoc />
    public override IEnumerable<IXunitTestCase> Discover(ITestFrameworkDiscoveryOptions discoveryOptions, ITestMethod testMethod, IAttributeInfo factAttribute)
    {
        ArgumentNullException.ThrowIfNull(discoveryOptions);
        ArgumentNullException.ThrowIfNull(factAttribute);
        var missing = factAttribute.GetNamedArgument<string?>(nameof(PrerequisiteFactAttribute.MissingPrerequisite));
        if (missing is not null && TestPrerequisite.RequireAll)
        {
            return
            [
                new ExecutionErrorTestCase(
                    DiagnosticMessageSink,
                    discoveryOptions.MethodDisplayOrDefault(),
                    discoveryOptions.MethodDisplayOptionsOrDefault(),
                    testMethod,
                    $"{missing} ({TestPrerequisite.RequireAllVariable}=1: a missing prerequisite fails the test instead of skipping it)"),
            ];
        }

        return base.Discover(discoveryOptions, testMethod, factAttribute);
    }
}
