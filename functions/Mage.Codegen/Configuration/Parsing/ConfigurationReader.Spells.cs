using System.Globalization;
using Mage.Manifests;

namespace Mage.Codegen.Configuration;

/// <summary>
/// <c>spells</c>: a mapping of spell names to options (<c>crud: {}</c>, <c>cache-aside: { ttl: 5m }</c>;
/// <c>true</c> or an empty value means the defaults, <c>false</c> switches a spell off), or a list
/// of spell names with their defaults (<c>spells: [crud, audit-log]</c>).
/// </summary>
internal sealed partial class ConfigurationReader
{
    private static readonly TimeSpan MaxTtl = TimeSpan.FromDays(7);
    private static readonly TimeSpan MaxCallTimeout = TimeSpan.FromMinutes(10);
    private static readonly TimeSpan MaxBreakDuration = TimeSpan.FromHours(1);

    private SpellSet ReadSpells(ManifestNode? node)
    {
        var options = new Dictionary<string, (string Path, Dictionary<string, ManifestNode> Fields)>(StringComparer.Ordinal);
        switch (node)
        {
            case null:
                return SpellSet.None;
            case ManifestSequence list:
                for (var i = 0; i < list.Items.Count; i++)
                {
                    var itemPath = $"spells[{i.ToString(CultureInfo.InvariantCulture)}]";
                    Record(itemPath, list.Items[i]);
                    var name = (list.Items[i] as ManifestScalar)?.Value ?? string.Empty;
                    if (!SpellNames.All.Contains(name))
                    {
                        Error(itemPath, UnknownSpell(name));
                    }
                    else if (!options.TryAdd(name, ($"spells.{name}", [])))
                    {
                        Error(itemPath, $"spell {name} is listed twice");
                    }
                }

                break;
            case ManifestMapping map:
                foreach (var (name, value) in Fields(map, "spells", SpellNames.All, "spell"))
                {
                    if (SpellOptions(name, value) is { } fields)
                    {
                        options[name] = ($"spells.{name}", fields);
                    }
                }

                break;
            default:
                Error("spells", node.Position, $"spells must be a mapping of spell names to options (crud: {{}}, cache-aside: {{ ttl: 5m }}) or a list of names, not a {node.KindName}");
                return SpellSet.None;
        }

        (string Path, Dictionary<string, ManifestNode> Fields)? On(string name) => options.TryGetValue(name, out var o) ? o : null;
        return new SpellSet(
            On(SpellNames.Crud) is { } crud ? ReadCrud(crud.Path, crud.Fields) : null,
            On(SpellNames.CacheAside) is { } cache ? ReadCacheAside(cache.Path, cache.Fields) : null,
            On(SpellNames.AuditLog) is { } audit ? ReadAuditLog(audit.Path, audit.Fields) : null,
            On(SpellNames.HttpCall) is { } http ? ReadHttpCall(http.Path, http.Fields) : null,
            On(SpellNames.WorkQueue) is { } queue ? ReadWorkQueue(queue.Path, queue.Fields) : null,
            On(SpellNames.CircuitBreaker) is { } breaker ? ReadCircuitBreaker(breaker.Path, breaker.Fields) : null);
    }

    private static string UnknownSpell(string name) =>
        $"unknown spell \"{Shorten(name)}\"{Suggestions.DidYouMean(name, SpellNames.All)} (spells: {string.Join(", ", SpellNames.All)})";

    /// <summary>The options of a spell that is on, or null when it is off (<c>false</c>) or unusable.</summary>
    private Dictionary<string, ManifestNode>? SpellOptions(string name, ManifestNode value)
    {
        var path = $"spells.{name}";
        switch (value)
        {
            case ManifestScalar { IsNull: true }:
            case ManifestScalar { Value: "true" or "True" or "TRUE" }:
                return [];
            case ManifestScalar { Value: "false" or "False" or "FALSE" }:
                return null;
            case ManifestMapping map:
                return Fields(map, path, ConfigurationKeys.SpellOptions[name], $"{name} option");
            default:
                Error(path, value.Position, $"spell {name} takes a mapping of options ({string.Join(", ", ConfigurationKeys.SpellOptions[name])}), true or false, not \"{Shorten((value as ManifestScalar)?.Value ?? value.KindName)}\"");
                return null;
        }
    }

    private CrudSpell ReadCrud(string path, Dictionary<string, ManifestNode> fields) =>
        new(Int(fields, path, "pageSize", 1, 10_000) ?? 50, Int(fields, path, "maxPageSize", 1, 10_000) ?? 500);

    private CacheAsideSpell ReadCacheAside(string path, Dictionary<string, ManifestNode> fields) =>
        new(Duration(fields, path, "ttl", MaxTtl) ?? TimeSpan.FromMinutes(5),
            Int(fields, path, "maxEntries", 1, 10_000_000) ?? 10_000,
            Names(fields, path, "entities"));

    private AuditLogSpell ReadAuditLog(string path, Dictionary<string, ManifestNode> fields)
    {
        var operations = fields.ContainsKey("operations")
            ? ReadOperations(Get(fields, "operations"), Join(path, "operations")) ?? []
            : [EntityOperation.Create, EntityOperation.Update, EntityOperation.Delete];
        return new AuditLogSpell(Names(fields, path, "entities"), operations);
    }

    private WorkQueueSpell ReadWorkQueue(string path, Dictionary<string, ManifestNode> fields)
    {
        var whenFull = WorkQueueFullMode.Wait;
        if (String(fields, path, "whenFull") is { } text)
        {
            switch (text)
            {
                case "wait":
                    break;
                case "reject":
                    whenFull = WorkQueueFullMode.Reject;
                    break;
                default:
                    Error(Join(path, "whenFull"), $"whenFull \"{Shorten(text)}\" is not wait or reject");
                    break;
            }
        }

        return new WorkQueueSpell(Int(fields, path, "capacity", 1, 1_000_000) ?? 100, Int(fields, path, "workers", 1, 256) ?? 1, whenFull);
    }

    private CircuitBreakerSpell ReadCircuitBreaker(string path, Dictionary<string, ManifestNode> fields) =>
        new(Int(fields, path, "failureThreshold", 1, 1000) ?? 5,
            Duration(fields, path, "breakDuration", MaxBreakDuration) ?? TimeSpan.FromSeconds(30),
            Names(fields, path, "calls"));

    private HttpCallSpell ReadHttpCall(string path, Dictionary<string, ManifestNode> fields)
    {
        var calls = new List<HttpCall>();
        var callsPath = Join(path, "calls");
        var node = Get(fields, "calls");
        if (node is null)
        {
            Error(callsPath, $"http-call needs calls, e.g. calls: {{ quote: {{ mode: parallel, requests: {{ price: {{ url: https://pricing.example.com/prices/{{sku}} }} }} }} }}");
            return new HttpCallSpell(calls);
        }

        if (Mapping(node, callsPath, "call names to { mode, timeout, requests }") is not { } map)
        {
            return new HttpCallSpell(calls);
        }

        var byName = Fields(map, callsPath, known: null, "call");
        if (byName.Count > limits.MaxHttpCalls)
        {
            Error(callsPath, map.Position, $"http-call has {byName.Count} calls; the limit is {limits.MaxHttpCalls}");
            return new HttpCallSpell(calls);
        }

        foreach (var (name, value) in byName)
        {
            var callPath = Join(callsPath, name);
            if (IsName(name, callPath, IdentifierSyntax.IsCamelCase(name), "a call name", "camelCase, e.g. quote")
                && Mapping(value, callPath, "mode, timeout and requests") is { } call
                && ReadCall(name, callPath, call) is { } read)
            {
                calls.Add(read);
            }
        }

        return new HttpCallSpell(calls);
    }

    private HttpCall? ReadCall(string name, string path, ManifestMapping map)
    {
        var fields = Fields(map, path, ConfigurationKeys.HttpCall, "call key");
        var mode = HttpCallMode.Series;
        if (String(fields, path, "mode") is { } text)
        {
            switch (text)
            {
                case "series":
                    break;
                case "parallel":
                    mode = HttpCallMode.Parallel;
                    break;
                default:
                    Error(Join(path, "mode"), $"mode \"{Shorten(text)}\" is not series or parallel");
                    break;
            }
        }

        var timeout = Duration(fields, path, "timeout", MaxCallTimeout) ?? TimeSpan.FromSeconds(10);
        var requestsPath = Join(path, "requests");
        var requests = new List<HttpCallRequest>();
        if (Get(fields, "requests") is not { } node)
        {
            Error(requestsPath, map.Position, $"call {name} has no requests; add requests: {{ price: {{ url: https://pricing.example.com/prices/{{sku}} }} }}");
            return null;
        }

        if (Mapping(node, requestsPath, "request names to { method, url }") is not { } requestMap)
        {
            return null;
        }

        var byName = Fields(requestMap, requestsPath, known: null, "request");
        if (byName.Count > limits.MaxHttpCalls)
        {
            Error(requestsPath, requestMap.Position, $"call {name} has {byName.Count} requests; the limit is {limits.MaxHttpCalls}");
            return null;
        }

        foreach (var (requestName, value) in byName)
        {
            var requestPath = Join(requestsPath, requestName);
            if (!IsName(requestName, requestPath, IdentifierSyntax.IsCamelCase(requestName), "a request name", "camelCase, e.g. price"))
            {
                continue;
            }

            // "price: https://…" is short for "price: { url: https://… }".
            var request = value switch
            {
                ManifestScalar { IsNull: false, Value: var url } => ReadRequest(requestPath, "GET", url),
                ManifestMapping m => ReadRequestMapping(requestPath, m),
                _ => null,
            };
            if (value is not ManifestScalar { IsNull: false } and not ManifestMapping)
            {
                Error(requestPath, $"request {requestName} must be a URL or a mapping with method and url");
            }

            if (request is not null)
            {
                requests.Add(request with { Name = requestName });
            }
        }

        if (byName.Count == 0)
        {
            Error(requestsPath, $"call {name} has no requests");
        }

        return requests.Count == byName.Count && requests.Count > 0 ? new HttpCall(name, mode, timeout, requests) : null;
    }

    private HttpCallRequest? ReadRequestMapping(string path, ManifestMapping map)
    {
        var fields = Fields(map, path, ConfigurationKeys.HttpRequest, "request key");
        var method = ReadMethod(fields, path, required: false);
        var url = String(fields, path, "url");
        if (url is null)
        {
            Error(Join(path, "url"), map.Position, $"{path} has no url; add url: https://…");
            return null;
        }

        return method is null ? null : ReadRequest(Join(path, "url"), method, url);
    }

    private HttpCallRequest? ReadRequest(string urlPath, string method, string url)
    {
        // Placeholders are filled from route parameters, so check the URL with them replaced.
        var probe = url.Replace("{", string.Empty, StringComparison.Ordinal).Replace("}", string.Empty, StringComparison.Ordinal);
        if (!Uri.TryCreate(probe, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https") || uri.Host.Length == 0)
        {
            Error(urlPath, $"url \"{Shorten(url)}\" is not an absolute http or https URL");
            return null;
        }

        if (uri.UserInfo.Length > 0)
        {
            Error(urlPath, "the url carries credentials; configurations are stored and shown as text, so keep secrets in service variables");
            return null;
        }

        return new HttpCallRequest(string.Empty, method, url);
    }

    /// <summary>A list of names (entities or calls) given to a spell; empty when not given (meaning all, resolved by the compiler).</summary>
    private List<string> Names(Dictionary<string, ManifestNode> fields, string path, string key) =>
        StringList(fields, path, key)?.Select(i => i.Text).ToList() ?? [];
}
