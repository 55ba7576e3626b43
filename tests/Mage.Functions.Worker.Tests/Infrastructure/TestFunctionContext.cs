using Microsoft.Azure.Functions.Worker;

namespace Mage.Functions.Worker.Tests.Infrastructure;

/// <summary>
/// The part of a <see cref="FunctionContext"/> an activity function reads: its invocation services
/// and the binding data the Durable Functions host sends with an activity (the instance id).
/// Everything else belongs to the host and is not available here.
/// </summary>
public sealed class TestFunctionContext(IServiceProvider services, IReadOnlyDictionary<string, object?> bindingData) : FunctionContext
{
    /// <inheritdoc />
    public override string InvocationId { get; } = Guid.NewGuid().ToString("N");

    /// <inheritdoc />
    public override string FunctionId => throw HostOnly();

    /// <inheritdoc />
    public override TraceContext TraceContext => throw HostOnly();

    /// <inheritdoc />
    public override BindingContext BindingContext { get; } = new TestBindingContext(bindingData);

    /// <inheritdoc />
    public override RetryContext RetryContext => throw HostOnly();

    /// <inheritdoc />
    public override IServiceProvider InstanceServices { get; set; } = services;

    /// <inheritdoc />
    public override FunctionDefinition FunctionDefinition => throw HostOnly();

    /// <inheritdoc />
    public override IDictionary<object, object> Items { get; set; } = new Dictionary<object, object>();

    /// <inheritdoc />
    public override Microsoft.Azure.Functions.Worker.IInvocationFeatures Features => throw HostOnly();

    private static NotSupportedException HostOnly() => new("Only the Functions host provides this; the test context carries services and binding data.");

    private sealed class TestBindingContext(IReadOnlyDictionary<string, object?> data) : BindingContext
    {
        public override IReadOnlyDictionary<string, object?> BindingData { get; } = data;
    }
}
