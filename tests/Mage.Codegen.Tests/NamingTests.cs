using Mage.Codegen;

namespace Mage.Codegen.Tests;

public sealed class NamingTests
{
    [Theory]
    [InlineData("order-line", "OrderLine", "orderLine", "order-line", "order_line")]
    [InlineData("OrderLine", "OrderLine", "orderLine", "order-line", "order_line")]
    [InlineData("HTTPServer", "HttpServer", "httpServer", "http-server", "http_server")]
    [InlineData("shop api", "ShopApi", "shopApi", "shop-api", "shop_api")]
    public void Conversions_SplitWordsTheSameWay(string name, string pascal, string camel, string kebab, string snake)
    {
        Assert.Equal((pascal, camel, kebab, snake), (Naming.Pascal(name), Naming.Camel(name), Naming.Kebab(name), Naming.Snake(name)));
    }

    [Theory]
    [InlineData("Order", "Orders")]
    [InlineData("Category", "Categories")]
    [InlineData("Box", "Boxes")]
    [InlineData("Person", "People")]
    [InlineData("Human", "Humans")]
    [InlineData("Key", "Keys")]
    [InlineData("status", "statuses")]
    public void Plural_EnglishRules(string singular, string plural) => Assert.Equal(plural, Naming.Plural(singular));
}
