using Mage.Codegen.Configuration;
using Mage.Codegen.Model;
using Mage.Codegen.Tests.Configuration;

namespace Mage.Codegen.Tests;

public sealed class ConfigurationMapperTests
{
    private static CodegenService Complete() =>
        ConfigurationMapper.Map(ConfigurationValidator.Validate(ConfigurationSamples.Complete).Configuration!);

    [Fact]
    public void Map_CompleteSample_CarriesRoutesOperationsCacheAndAudit()
    {
        var service = Complete();

        var customer = service.Entities.Single(e => e.Name == "Customer");
        var order = service.Entities.Single(e => e.Name == "Order");
        Assert.Equal("orders", service.Name);
        Assert.Equal(["list", "get", "create"], order.Operations);
        Assert.Equal("/orders", order.Route);
        Assert.Equal((true, false), (customer.Cached, order.Cached));
        Assert.Equal(["create", "update", "delete"], customer.Audited);
    }

    [Fact]
    public void Map_Reference_TakesTheKeyTypeOfTheReferencedEntity()
    {
        var order = Complete().Entities.Single(e => e.Name == "Order");

        Assert.Equal("guid", order.Fields.Single(f => f.Name == "customer").Type);
    }

    [Fact]
    public void Map_SpellOptions_BecomeSettings()
    {
        var service = Complete();

        var queue = service.Spells.Single(s => s.Name == SpellNames.WorkQueue).Settings;
        Assert.Equal(("100", "2", "reject"), (queue["capacity"], queue["workers"], queue["whenFull"]));
        Assert.Equal("300", service.Spells.Single(s => s.Name == SpellNames.CacheAside).Settings["ttlSeconds"]);
        Assert.Equal("30", service.Spells.Single(s => s.Name == SpellNames.CircuitBreaker).Settings["breakSeconds"]);
    }

    [Fact]
    public void Map_HttpCall_KeepsModeRequestsAndItsBreaker()
    {
        var call = Assert.Single(Complete().HttpCalls);

        Assert.Equal(("quote", "parallel", 10, true), (call.Name, call.Mode, call.TimeoutSeconds, call.Protected));
        Assert.Equal(["price", "stock"], call.Requests.Select(r => r.Name));
        Assert.Equal("quote", Assert.Single(Complete().Endpoints).Calls);
    }
}
