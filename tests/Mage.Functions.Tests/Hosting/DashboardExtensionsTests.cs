using System.Net;
using System.Text.RegularExpressions;
using Mage.Functions.Tests.Infrastructure;

namespace Mage.Functions.Tests.Hosting;

/// <summary>The dashboard's static files: served without a key, while every other path still needs one.</summary>
public sealed partial class DashboardExtensionsTests
{
    [Fact]
    public async Task Root_WithoutKey_ServesThePageWithItsSecurityHeaders()
    {
        await using var app = await MageAppFactory.CreateAsync();
        using var client = app.CreateClient();

        using var response = await client.GetAsync(new Uri("/", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("<script type=\"module\" src=\"js/app.js\"></script>", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var policy = string.Join(' ', response.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("script-src 'self'", policy, StringComparison.Ordinal);
        Assert.Equal("no-cache", response.Headers.CacheControl?.ToString());
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
    }

    [Fact]
    public async Task ApiAndUnknownPaths_WithoutKey_StillAnswer401()
    {
        // Opening the static files must not open anything else: the fallback policy still applies.
        await using var app = await MageAppFactory.CreateAsync();
        using var client = app.CreateClient();

        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync(new Uri("/api/services", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync(new Uri("/not-a-dashboard-file.js", UriKind.Relative))).StatusCode);
    }

    [Fact]
    public async Task Modules_EveryRelativeImport_IsServedAsJavaScript()
    {
        // A module that imports a file the app does not serve breaks the whole page in the browser.
        await using var app = await MageAppFactory.CreateAsync();
        using var client = app.CreateClient();
        var pending = new Queue<string>(["js/app.js"]);
        var seen = new HashSet<string>(StringComparer.Ordinal);

        while (pending.TryDequeue(out var path))
        {
            if (!seen.Add(path))
            {
                continue;
            }

            using var response = await client.GetAsync(new Uri("/" + path, UriKind.Relative));
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"/{path} answered {(int)response.StatusCode}");
            Assert.Equal("text/javascript", response.Content.Headers.ContentType?.MediaType);
            var source = await response.Content.ReadAsStringAsync();
            var folder = path[..(path.LastIndexOf('/') + 1)];
            foreach (Match import in ImportPattern().Matches(source))
            {
                pending.Enqueue(Normalize(folder + import.Groups["path"].Value));
            }
        }

        Assert.True(seen.Count >= 10, $"only {seen.Count} modules were reached from js/app.js");
    }

    private static string Normalize(string path)
    {
        var parts = new List<string>();
        foreach (var part in path.Split('/'))
        {
            if (part == "..")
            {
                parts.RemoveAt(parts.Count - 1);
            }
            else if (part is not "." and not "")
            {
                parts.Add(part);
            }
        }

        return string.Join('/', parts);
    }

    [GeneratedRegex("""from\s+'(?<path>\.{1,2}/[^']+)'""")]
    private static partial Regex ImportPattern();
}
