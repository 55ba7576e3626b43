using System.Text.Json;
using Microsoft.Extensions.Configuration;

namespace Mage.Functions.Hosting;

/// <summary>Loads <c>Values</c> of a <c>local.settings.json</c>; see <see cref="LocalSettingsConfigurationSource"/>.</summary>
public sealed class LocalSettingsConfigurationProvider(string path) : ConfigurationProvider
{
    /// <inheritdoc />
    public override void Load()
    {
        var data = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        if (File.Exists(path))
        {
            try
            {
                using var document = JsonDocument.Parse(File.ReadAllText(path), new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
                if (document.RootElement.TryGetProperty("Values", out var values) && values.ValueKind == JsonValueKind.Object)
                {
                    foreach (var property in values.EnumerateObject())
                    {
                        var key = property.Name.Replace("__", ConfigurationPath.KeyDelimiter, StringComparison.Ordinal);
                        data[key] = property.Value.ValueKind == JsonValueKind.String ? property.Value.GetString() : property.Value.GetRawText();
                    }
                }
            }
            catch (JsonException ex)
            {
                throw new InvalidOperationException($"{path} is not valid JSON (line {ex.LineNumber + 1}): {ex.Message} Fix the file or delete it to use the defaults.", ex);
            }
        }

        Data = data;
    }
}
