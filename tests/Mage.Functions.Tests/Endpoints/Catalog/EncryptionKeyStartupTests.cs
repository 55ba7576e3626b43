using Mage.Functions.Tests.Infrastructure;

namespace Mage.Functions.Tests.Endpoints.Catalog;

public sealed class EncryptionKeyStartupTests
{
    [Fact]
    public async Task Startup_NoEncryptionKeyOutsideDevelopment_FailsNamingSetting()
    {
        await using var app = await MageAppFactory.CreateAsync(new Dictionary<string, string?> { ["Mage:EncryptionKey"] = "" });

        var ex = Assert.ThrowsAny<Exception>(() => app.CreateClient());

        var messages = string.Join(" | ", Flatten(ex).Select(e => e.Message));
        Assert.Contains("Mage__EncryptionKey", messages, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Startup_MalformedEncryptionKey_FailsNamingSetting()
    {
        await using var app = await MageAppFactory.CreateAsync(new Dictionary<string, string?> { ["Mage:EncryptionKey"] = "dG9vIHNob3J0" });

        var ex = Assert.ThrowsAny<Exception>(() => app.CreateClient());

        Assert.Contains("Mage__EncryptionKey", string.Join(" | ", Flatten(ex).Select(e => e.Message)), StringComparison.Ordinal);
    }

    private static IEnumerable<Exception> Flatten(Exception ex)
    {
        for (Exception? e = ex; e is not null; e = e.InnerException)
        {
            yield return e;
            if (e is AggregateException aggregate)
            {
                foreach (var inner in aggregate.InnerExceptions.SelectMany(Flatten))
                {
                    yield return inner;
                }
            }
        }
    }
}
