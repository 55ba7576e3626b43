using Microsoft.Extensions.Configuration.EnvironmentVariables;

namespace Mage.Functions.Hosting;

/// <summary>Start-up helpers for settings precedence and the listening address.</summary>
public static class HostingExtensions
{
    /// <summary>The local default address, the Azure Functions port.</summary>
    public const string DefaultUrl = "http://127.0.0.1:7071";

    /// <summary>
    /// Inserts <c>local.settings.json</c> below environment variables and above appsettings,
    /// the precedence api.md promises (environment, then local.settings.json, then appsettings).
    /// </summary>
    public static IConfigurationBuilder AddLocalSettings(this IConfigurationBuilder configuration, string path)
    {
        var source = new LocalSettingsConfigurationSource(path);
        var firstEnvironment = configuration.Sources
            .Select((s, i) => (Source: s, Index: i))
            .FirstOrDefault(x => x.Source is EnvironmentVariablesConfigurationSource { Prefix: null or "" });
        if (firstEnvironment.Source is null)
        {
            configuration.Sources.Add(source);
        }
        else
        {
            configuration.Sources.Insert(firstEnvironment.Index, source);
        }

        return configuration;
    }

    /// <summary>Listens on the configured URLs, else on <see cref="DefaultUrl"/>.</summary>
    public static IWebHostBuilder UseDefaultUrlUnlessConfigured(this IWebHostBuilder webHost, IConfiguration configuration)
    {
        // ASPNETCORE_URLS may also come from local.settings.json, which the host's own URL
        // binding does not read, so the value is applied here explicitly.
        var urls = configuration["urls"] is { Length: > 0 } u ? u
            : configuration["ASPNETCORE_URLS"] is { Length: > 0 } e ? e
            : DefaultUrl;
        return webHost.UseUrls(urls);
    }
}
