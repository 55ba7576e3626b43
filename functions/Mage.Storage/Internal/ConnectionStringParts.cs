namespace Mage.Storage;

/// <summary>
/// Parsed connection string. Errors name keys, never values: a malformed string may carry the key
/// in any position, so no fragment of the input is ever echoed.
/// </summary>
internal sealed record ConnectionStringParts(string AccountName, string AccountKey, Uri BlobEndpoint, Uri QueueEndpoint, Uri TableEndpoint)
{
    private static readonly HashSet<string> KnownNames = new(StringComparer.OrdinalIgnoreCase)
    {
        "UseDevelopmentStorage", "DevelopmentStorageProxyUri", "DefaultEndpointsProtocol", "AccountName", "AccountKey",
        "EndpointSuffix", "BlobEndpoint", "QueueEndpoint", "TableEndpoint", "FileEndpoint", "SharedAccessSignature",
        "BlobSecondaryEndpoint", "QueueSecondaryEndpoint", "TableSecondaryEndpoint", "FileSecondaryEndpoint",
    };

    public static ConnectionStringParts Parse(string connectionString)
    {
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            throw new FormatException("The storage connection string is empty.");
        }
        var values = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        int index = 0;
        foreach (string segment in connectionString.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            index++;
            int eq = segment.IndexOf('=', StringComparison.Ordinal);
            if (eq <= 0)
            {
                throw new FormatException($"The storage connection string is malformed: segment {index} is not 'Name=Value'.");
            }
            string name = segment[..eq].Trim();
            if (!KnownNames.Contains(name))
            {
                // The name is not echoed: a stray key fragment ("...;<key>==") parses as an unknown name.
                throw new FormatException($"The storage connection string has an unrecognised setting in segment {index}.");
            }
            if (!values.TryAdd(name, segment[(eq + 1)..].Trim()))
            {
                throw new FormatException($"The storage connection string sets '{name}' more than once.");
            }
        }

        if (values.TryGetValue("UseDevelopmentStorage", out string? dev))
        {
            if (!dev.Equals("true", StringComparison.OrdinalIgnoreCase))
            {
                throw new FormatException("UseDevelopmentStorage must be 'true' when present.");
            }
            return new(StorageAccount.DevelopmentAccountName, StorageAccount.DevelopmentAccountKey,
                new Uri("http://127.0.0.1:10000/devstoreaccount1"),
                new Uri("http://127.0.0.1:10001/devstoreaccount1"),
                new Uri("http://127.0.0.1:10002/devstoreaccount1"));
        }

        if (values.ContainsKey("SharedAccessSignature"))
        {
            throw new FormatException("SAS connection strings are not supported; use AccountKey or an Entra ID credential.");
        }
        string account = Required(values, "AccountName");
        string key = Required(values, "AccountKey");
        if (!IsBase64(key))
        {
            throw new FormatException("The storage connection string's AccountKey is not valid base64.");
        }
        string protocol = values.GetValueOrDefault("DefaultEndpointsProtocol", "https");
        if (protocol is not ("http" or "https"))
        {
            throw new FormatException("DefaultEndpointsProtocol must be 'http' or 'https'.");
        }
        string suffix = values.GetValueOrDefault("EndpointSuffix", "core.windows.net");
        return new(account, key,
            Endpoint(values, "BlobEndpoint", protocol, account, "blob", suffix),
            Endpoint(values, "QueueEndpoint", protocol, account, "queue", suffix),
            Endpoint(values, "TableEndpoint", protocol, account, "table", suffix));
    }

    private static string Required(Dictionary<string, string> values, string name) =>
        values.TryGetValue(name, out string? value) && value.Length > 0
            ? value
            : throw new FormatException($"The storage connection string has no {name}.");

    private static Uri Endpoint(Dictionary<string, string> values, string name, string protocol, string account, string service, string suffix)
    {
        if (!values.TryGetValue(name, out string? explicitValue))
        {
            return new Uri($"{protocol}://{account}.{service}.{suffix}");
        }
        return Uri.TryCreate(explicitValue, UriKind.Absolute, out Uri? uri) && uri.Scheme is "http" or "https"
            ? uri
            : throw new FormatException($"The storage connection string's {name} is not an absolute http(s) URI.");
    }

    private static bool IsBase64(string value)
    {
        byte[] buffer = new byte[value.Length];
        return value.Length > 0 && Convert.TryFromBase64String(value, buffer, out _);
    }

    /// <summary>Records print their members; this one holds a key, so it prints nothing secret.</summary>
    public override string ToString() => $"ConnectionStringParts({AccountName})";
}
