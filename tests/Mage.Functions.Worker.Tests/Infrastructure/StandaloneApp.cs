using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Mage.Functions.Worker.Tests.Infrastructure;

/// <summary>The standalone app (functions/Mage.Functions, its <c>Program</c>) in memory, with the given settings.</summary>
public sealed class StandaloneApp(IReadOnlyDictionary<string, string?> settings) : WebApplicationFactory<Program>
{
    /// <inheritdoc />
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        foreach (var (key, value) in settings)
        {
            builder.UseSetting(key, value);
        }
    }
}
