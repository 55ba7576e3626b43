namespace Mage.Functions.Hosting;

/// <summary>
/// Finds the folder that holds <c>host.json</c>: the Azure Functions app root, where
/// <c>local.settings.json</c>, <c>infra/local</c> and the <c>.mage</c> state folder live.
/// </summary>
/// <remarks>
/// <c>dotnet run --project functions/Mage.Functions</c> may start from the repository root
/// or from the project folder, so the search walks up from the working directory first and
/// from the binaries second. Thread-safe: pure function of the file system.
/// </remarks>
public static class AppRoot
{
    /// <summary>The app root, or the working directory when no <c>host.json</c> is found above it.</summary>
    public static string Find()
    {
        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "host.json")))
                {
                    return dir.FullName;
                }
            }
        }

        return Directory.GetCurrentDirectory();
    }
}
