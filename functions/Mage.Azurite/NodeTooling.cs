namespace Mage.Azurite;

/// <summary>Finds node and npm on PATH, and where the pinned Azurite lives in infra/local.</summary>
internal static class NodeTooling
{
    public const string MissingNodeMessage =
        "Azurite needs Node.js: install Node.js 20+ or point AzureWebJobsStorage at a storage account.";

    public static string AzuriteScript(string infraLocal) =>
        Path.Combine(infraLocal, "node_modules", "azurite", "dist", "src", "azurite.js");

    public static string FindExecutable(string name) =>
        FindOnPath(name) ?? throw new InvalidOperationException(MissingNodeMessage + $" ('{name}' was not found on PATH.)");

    private static string? FindOnPath(string name)
    {
        string[] extensions = OperatingSystem.IsWindows() ? [".exe", ".cmd", ""] : [""];
        foreach (string dir in (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            foreach (string ext in extensions)
            {
                string candidate = Path.Combine(dir, name + ext);
                if (File.Exists(candidate))
                {
                    return candidate;
                }
            }
        }
        return null;
    }

    /// <summary>The Azurite version pinned in infra/local's package.json (e.g. 3.37.0), or "(pinned)" when it cannot be read.</summary>
    public static string PinnedAzuriteVersion(string infraLocal)
    {
        try
        {
            using var document = System.Text.Json.JsonDocument.Parse(File.ReadAllText(Path.Combine(infraLocal, "package.json")));
            return document.RootElement.GetProperty("dependencies").GetProperty("azurite").GetString() ?? "(pinned)";
        }
        catch (Exception e) when (e is IOException or System.Text.Json.JsonException or KeyNotFoundException or InvalidOperationException)
        {
            return "(pinned)";
        }
    }
}
