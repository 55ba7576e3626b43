using Microsoft.Extensions.FileProviders;

namespace Mage.Functions.Hosting;

/// <summary>
/// Serves the dashboard: the static files of <c>wwwroot</c> (plain HTML, CSS and JavaScript
/// modules) at <c>/</c>, without a key. The page holds no data and no secret; everything it
/// shows comes from <c>/api</c>, which stays behind the key.
/// </summary>
/// <remarks>
/// Call before <c>UseAuthentication</c>: a static file answered here never reaches the
/// fallback "authenticated user" policy. Any other path falls through to the endpoints.
/// </remarks>
public static class DashboardExtensions
{
    /// <summary>
    /// The page may load only its own scripts and styles and talk only to its own origin;
    /// no inline script, so injected markup cannot run.
    /// </summary>
    private const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; "
        + "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    /// <summary>Adds the default-document and static-file middleware for the dashboard files.</summary>
    public static WebApplication UseDashboard(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var files = FindFiles(app.Environment);
        app.UseDefaultFiles(new DefaultFilesOptions { FileProvider = files });
        app.UseStaticFiles(new StaticFileOptions
        {
            FileProvider = files,
            OnPrepareResponse = context =>
            {
                var headers = context.Context.Response.Headers;

                // Revalidate every time (cheap with the ETag) so a new app version is never mixed with old modules.
                headers.CacheControl = "no-cache";
                headers.ContentSecurityPolicy = ContentSecurityPolicy;
                headers.XContentTypeOptions = "nosniff";
                headers["Referrer-Policy"] = "no-referrer";
            },
        });
        return app;
    }

    /// <summary>
    /// The content root's <c>wwwroot</c> when it holds the page (a published app, or the
    /// project folder under WebApplicationFactory); otherwise the copy next to the binaries,
    /// which is what <c>dotnet run --project functions/Mage.Functions</c> from the repository
    /// root finds (its content root is the working directory).
    /// </summary>
    private static IFileProvider FindFiles(IWebHostEnvironment environment)
    {
        if (environment.WebRootFileProvider.GetFileInfo("index.html").Exists)
        {
            return environment.WebRootFileProvider;
        }

        var besideBinaries = Path.Combine(AppContext.BaseDirectory, "wwwroot");
        return Directory.Exists(besideBinaries) ? new PhysicalFileProvider(besideBinaries) : new NullFileProvider();
    }
}
