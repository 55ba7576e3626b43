using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Mage.Testing.GitLab;

/// <summary>
/// A GitLab REST v4 server on loopback (real Kestrel, real HTTP) for one project, following GitLab's
/// documented behaviour for the endpoints Mage uses: projects, branches, repository commits (list and
/// create with actions), tree (offset pagination with <c>X-Next-Page</c>/<c>X-Total</c>/<c>Link</c>),
/// raw files, merge requests (list, create, update), <c>PRIVATE-TOKEN</c> authentication and
/// GitLab's error shapes (<c>{"message": …}</c>, <c>{"error": …}</c>). Every request is recorded as it
/// arrived; <see cref="Faults"/> injects errors. Paths are parsed from the raw request target, so a
/// client that forgets to percent-encode a project path, branch or file path gets a 404 like on GitLab.
/// Thread-safe.
/// </summary>
public sealed class FakeGitLab : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly Lock _gate = new();
    private readonly Dictionary<string, FakeGitLabCommit> _branches = new(StringComparer.Ordinal);
    private readonly List<FakeGitLabMergeRequest> _mergeRequests = [];
    private readonly List<FakeGitLabRequest> _requests = [];
    private readonly List<FakeGitLabFault> _faults = [];
    private int _commitCounter;

    private FakeGitLab(WebApplication app, string projectPath, string token)
    {
        _app = app;
        ProjectPath = projectPath;
        Token = token;
    }

    /// <summary>Numeric id of the project.</summary>
    public const long ProjectId = 42;

    /// <summary>The project's path (<c>group/project</c>).</summary>
    public string ProjectPath { get; }

    /// <summary>The only token accepted.</summary>
    public string Token { get; }

    /// <summary>The default branch.</summary>
    public string DefaultBranch { get; } = "main";

    /// <summary>Base address, e.g. <c>http://127.0.0.1:PORT/</c>.</summary>
    public Uri BaseAddress { get; private set; } = null!;

    /// <summary>The project's clone URL as GitLab shows it (<c>{base}{path}.git</c>).</summary>
    public string CloneUrl => new Uri(BaseAddress, ProjectPath + ".git").AbsoluteUri;

    /// <summary>Page size used when a request gives no <c>per_page</c> (GitLab's default).</summary>
    public int DefaultPerPage { get; init; } = 20;

    /// <summary>Starts a server whose project holds <paramref name="initialFiles"/> on <c>main</c>.</summary>
    public static async Task<FakeGitLab> StartAsync(string token, IReadOnlyDictionary<string, string>? initialFiles = null, string projectPath = "group/project")
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel().UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        var fake = new FakeGitLab(app, projectPath, token);
        var files = (initialFiles ?? new Dictionary<string, string> { ["README.md"] = "# project\n" })
            .ToDictionary(kv => kv.Key, kv => Encoding.UTF8.GetBytes(kv.Value), StringComparer.Ordinal);
        fake._branches[fake.DefaultBranch] = new FakeGitLabCommit(fake.NextSha(), "Initial commit", files, null);
        app.Run(fake.HandleAsync);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
        fake.BaseAddress = new Uri(address.TrimEnd('/') + "/");
        return fake;
    }

    /// <summary>Errors to answer instead of the real thing (first match wins; each counts down its <see cref="FakeGitLabFault.Times"/>).</summary>
    public void AddFault(FakeGitLabFault fault)
    {
        lock (_gate)
        {
            _faults.Add(fault);
        }
    }

    /// <summary>Every request so far, in arrival order.</summary>
    public IReadOnlyList<FakeGitLabRequest> Requests
    {
        get
        {
            lock (_gate)
            {
                return _requests.ToList();
            }
        }
    }

    /// <summary>The head commit of <paramref name="branch"/>, or null.</summary>
    public FakeGitLabCommit? Head(string branch)
    {
        lock (_gate)
        {
            return _branches.GetValueOrDefault(branch);
        }
    }

    /// <summary>Commits of <paramref name="branch"/>, newest first.</summary>
    public IReadOnlyList<FakeGitLabCommit> History(string branch)
    {
        var list = new List<FakeGitLabCommit>();
        for (var c = Head(branch); c is not null; c = c.Parent)
        {
            list.Add(c);
        }

        return list;
    }

    /// <summary>Every merge request.</summary>
    public IReadOnlyList<FakeGitLabMergeRequest> MergeRequests
    {
        get
        {
            lock (_gate)
            {
                return _mergeRequests.ToList();
            }
        }
    }

    /// <summary>Adds a commit to a branch (creating it) as a person pushing would.</summary>
    public void Push(string branch, string message, IReadOnlyDictionary<string, string> changes, string? from = null)
    {
        lock (_gate)
        {
            var parent = _branches.GetValueOrDefault(branch) ?? _branches[from ?? DefaultBranch];
            var files = new Dictionary<string, byte[]>(parent.Files, StringComparer.Ordinal);
            foreach (var (path, content) in changes)
            {
                files[path] = Encoding.UTF8.GetBytes(content);
            }

            _branches[branch] = new FakeGitLabCommit(NextSha(), message, files, parent);
        }
    }

    /// <summary>Web address of a merge request.</summary>
    public string MergeRequestUrl(long iid) => new Uri(BaseAddress, $"{ProjectPath}/-/merge_requests/{iid}").AbsoluteUri;

    /// <summary>Git's blob id of <paramref name="content"/>, computed here independently of the code under test.</summary>
    public static string BlobId(byte[] content)
    {
        var header = Encoding.ASCII.GetBytes($"blob {content.Length.ToString(CultureInfo.InvariantCulture)}\0");
#pragma warning disable CA5350 // git object ids are SHA-1 by definition
        return Convert.ToHexStringLower(SHA1.HashData([.. header, .. content]));
#pragma warning restore CA5350
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private async Task HandleAsync(HttpContext http)
    {
        var raw = http.Features.GetRequiredFeature<IHttpRequestFeature>().RawTarget;
        using var reader = new StreamReader(http.Request.Body, Encoding.UTF8);
        var body = await reader.ReadToEndAsync();
        var (status, payload, headers) = Answer(http.Request.Method, raw, http.Request.Headers["PRIVATE-TOKEN"].FirstOrDefault(), body);
        lock (_gate)
        {
            _requests.Add(new FakeGitLabRequest(http.Request.Method, raw, http.Request.Headers["PRIVATE-TOKEN"].FirstOrDefault(),
                http.Request.Headers.Authorization.FirstOrDefault(), http.Request.ContentType, body, status, DateTimeOffset.UtcNow));
        }

        http.Response.StatusCode = status;
        foreach (var (name, value) in headers)
        {
            http.Response.Headers[name] = value;
        }

        if (payload is byte[] bytes)
        {
            http.Response.ContentType = "text/plain; charset=utf-8";
            await http.Response.Body.WriteAsync(bytes);
        }
        else if (payload is string text)
        {
            http.Response.ContentType = text.StartsWith('{') || text.StartsWith('[') ? "application/json" : "text/plain";
            await http.Response.WriteAsync(text);
        }
        else if (payload is not null)
        {
            http.Response.ContentType = "application/json";
            await http.Response.WriteAsync(JsonSerializer.Serialize(payload));
        }
    }

    private (int Status, object? Payload, Dictionary<string, string> Headers) Answer(string method, string raw, string? token, string body)
    {
        var noHeaders = new Dictionary<string, string>();
        lock (_gate)
        {
            var fault = _faults.FirstOrDefault(f => f.Times > 0 && f.Method == method && raw.Split('?')[0].Contains(f.PathContains, StringComparison.Ordinal));
            if (fault is not null)
            {
                _faults[_faults.IndexOf(fault)] = fault with { Times = fault.Times - 1 };
                var headers = new Dictionary<string, string>();
                if (fault.RetryAfter is not null)
                {
                    headers["Retry-After"] = fault.RetryAfter;
                }

                if (fault.Location is not null)
                {
                    headers["Location"] = fault.Location;
                }

                return (fault.Status, fault.Body, headers);
            }
        }

        if (token != Token)
        {
            return (401, Message("401 Unauthorized"), noHeaders);
        }

        var parts = raw.Split('?', 2);
        var query = QueryHelpers(parts.Length > 1 ? parts[1] : "");
        var segments = parts[0].Split('/').Skip(1).Select(Uri.UnescapeDataString).ToArray();
        if (segments.Length < 3 || segments[0] != "api" || segments[1] != "v4" || segments[2] != "projects" || segments.Length < 4)
        {
            return (404, Message("404 Not Found"), noHeaders);
        }

        if (segments[3] != ProjectPath && segments[3] != ProjectId.ToString(CultureInfo.InvariantCulture))
        {
            return (404, Message("404 Project Not Found"), noHeaders);
        }

        var rest = segments.Skip(4).ToArray();
        lock (_gate)
        {
            return (method, rest) switch
            {
                ("GET", []) => (200, new JsonObject { ["id"] = ProjectId, ["default_branch"] = DefaultBranch, ["path_with_namespace"] = ProjectPath, ["web_url"] = new Uri(BaseAddress, ProjectPath).AbsoluteUri }, noHeaders),
                ("GET", ["repository", "branches", var branch]) => _branches.TryGetValue(branch, out var head)
                    ? (200, new JsonObject { ["name"] = branch, ["commit"] = new JsonObject { ["id"] = head.Id } }, noHeaders)
                    : (404, Message("404 Branch Not Found"), noHeaders),
                ("GET", ["repository", "commits"]) => ListCommits(query),
                ("POST", ["repository", "commits"]) => CreateCommit(body),
                ("GET", ["repository", "tree"]) => ListTree(query),
                ("GET", ["repository", "files", var path, "raw"]) => RawFile(path, query),
                ("GET", ["merge_requests"]) => ListMergeRequests(query),
                ("POST", ["merge_requests"]) => CreateMergeRequest(body),
                ("PUT", ["merge_requests", var iid]) => UpdateMergeRequest(iid, body),
                _ => (404, Message("404 Not Found"), noHeaders),
            };
        }
    }

    private (int, object?, Dictionary<string, string>) ListCommits(Dictionary<string, string> query)
    {
        var branch = query.GetValueOrDefault("ref_name") ?? DefaultBranch;
        if (!_branches.ContainsKey(branch))
        {
            return (404, Message("404 Commit Not Found"), []);
        }

        var all = History(branch).Select(c => (JsonNode)new JsonObject { ["id"] = c.Id, ["short_id"] = c.Id[..8], ["title"] = c.Message.Split('\n')[0], ["message"] = c.Message }).ToList();
        return Page(all, query, "repository/commits");
    }

    private (int, object?, Dictionary<string, string>) ListTree(Dictionary<string, string> query)
    {
        var gitRef = query.GetValueOrDefault("ref") ?? DefaultBranch;
        if (!_branches.TryGetValue(gitRef, out var head))
        {
            return (404, Message("404 Tree Not Found"), []);
        }

        var recursive = query.GetValueOrDefault("recursive") == "true";
        var entries = new SortedDictionary<string, JsonNode>(StringComparer.Ordinal);
        foreach (var (path, content) in head.Files)
        {
            var names = path.Split('/');
            for (var i = 1; i < names.Length && recursive; i++)
            {
                var folder = string.Join('/', names[..i]);
                entries.TryAdd(folder, new JsonObject { ["id"] = new string('0', 40), ["name"] = names[i - 1], ["type"] = "tree", ["path"] = folder, ["mode"] = "040000" });
            }

            if (recursive || names.Length == 1)
            {
                entries[path] = new JsonObject { ["id"] = BlobId(content), ["name"] = names[^1], ["type"] = "blob", ["path"] = path, ["mode"] = "100644" };
            }
        }

        return Page(entries.Values.ToList(), query, "repository/tree");
    }

    private (int, object?, Dictionary<string, string>) RawFile(string path, Dictionary<string, string> query)
    {
        var gitRef = query.GetValueOrDefault("ref");
        if (gitRef is null)
        {
            return (400, new JsonObject { ["error"] = "ref is missing" }, []);
        }

        return _branches.TryGetValue(gitRef, out var head) && head.Files.TryGetValue(path, out var content)
            ? (200, content, [])
            : (404, Message("404 File Not Found"), []);
    }

    private (int, object?, Dictionary<string, string>) CreateCommit(string body)
    {
        JsonNode? json;
        try
        {
            json = JsonNode.Parse(body);
        }
        catch (JsonException)
        {
            return (400, Message("400 Bad request - body is not JSON"), []);
        }

        var branch = json?["branch"]?.GetValue<string>();
        var message = json?["commit_message"]?.GetValue<string>();
        var actions = json?["actions"]?.AsArray();
        if (branch is null || message is null || actions is null)
        {
            return (400, new JsonObject { ["error"] = "branch, commit_message, actions are missing" }, []);
        }

        var start = json?["start_branch"]?.GetValue<string>();
        FakeGitLabCommit parent;
        if (_branches.TryGetValue(branch, out var existing))
        {
            if (start is not null && start != branch)
            {
                return (400, Message($"A branch called '{branch}' already exists. Switch to that branch in order to make changes"), []);
            }

            parent = existing;
        }
        else if (start is not null && _branches.TryGetValue(start, out var startHead))
        {
            parent = startHead;
        }
        else
        {
            return (400, Message("You can only create or edit files when you are on a branch"), []);
        }

        var files = new Dictionary<string, byte[]>(parent.Files, StringComparer.Ordinal);
        foreach (var action in actions)
        {
            var kind = action?["action"]?.GetValue<string>();
            var path = action?["file_path"]?.GetValue<string>();
            if (path is null)
            {
                return (400, new JsonObject { ["error"] = "actions[file_path] is missing" }, []);
            }

            switch (kind)
            {
                case "create" or "update":
                    if (kind == "create" && files.ContainsKey(path))
                    {
                        return (400, Message("A file with this name already exists"), []);
                    }

                    if (kind == "update" && !files.ContainsKey(path))
                    {
                        return (400, Message("A file with this name doesn't exist"), []);
                    }

                    var content = action?["content"]?.GetValue<string>() ?? "";
                    files[path] = action?["encoding"]?.GetValue<string>() == "base64" ? Convert.FromBase64String(content) : Encoding.UTF8.GetBytes(content);
                    break;
                case "delete":
                    if (!files.Remove(path))
                    {
                        return (400, Message("A file with this name doesn't exist"), []);
                    }

                    break;
                default:
                    return (400, new JsonObject { ["error"] = "actions[action] does not have a valid value" }, []);
            }
        }

        var commit = new FakeGitLabCommit(NextSha(), message, files, parent);
        _branches[branch] = commit;
        return (201, new JsonObject { ["id"] = commit.Id, ["short_id"] = commit.Id[..8], ["title"] = message.Split('\n')[0], ["message"] = message, ["parent_ids"] = new JsonArray(parent.Id) }, []);
    }

    private (int, object?, Dictionary<string, string>) ListMergeRequests(Dictionary<string, string> query)
    {
        var state = query.GetValueOrDefault("state") ?? "all";
        var list = _mergeRequests
            .Where(m => state == "all" || m.State == state)
            .Where(m => !query.TryGetValue("source_branch", out var s) || m.SourceBranch == s)
            .Where(m => !query.TryGetValue("target_branch", out var t) || m.TargetBranch == t)
            .OrderByDescending(m => m.Iid)
            .Select(m => (JsonNode)ToJson(m)).ToList();
        return Page(list, query, "merge_requests");
    }

    private (int, object?, Dictionary<string, string>) CreateMergeRequest(string body)
    {
        var json = JsonNode.Parse(body);
        var source = json?["source_branch"]?.GetValue<string>();
        var target = json?["target_branch"]?.GetValue<string>();
        var title = json?["title"]?.GetValue<string>();
        if (source is null || target is null || title is null)
        {
            return (400, new JsonObject { ["error"] = "source_branch, target_branch, title are missing" }, []);
        }

        if (!_branches.ContainsKey(source) || !_branches.ContainsKey(target))
        {
            return (422, new JsonObject { ["message"] = new JsonArray("Source branch does not exist or target branch does not exist") }, []);
        }

        if (_mergeRequests.FirstOrDefault(m => m.State == "opened" && m.SourceBranch == source) is { } open)
        {
            return (409, new JsonObject { ["message"] = new JsonArray($"Another open merge request already exists for this source branch: !{open.Iid}") }, []);
        }

        var created = new FakeGitLabMergeRequest { Iid = _mergeRequests.Count + 1, SourceBranch = source, TargetBranch = target, Title = title, Description = json?["description"]?.GetValue<string>() };
        _mergeRequests.Add(created);
        return (201, ToJson(created), []);
    }

    private (int, object?, Dictionary<string, string>) UpdateMergeRequest(string iidText, string body)
    {
        if (!long.TryParse(iidText, CultureInfo.InvariantCulture, out var iid) || _mergeRequests.FirstOrDefault(m => m.Iid == iid) is not { } found)
        {
            return (404, Message("404 Not found"), []);
        }

        var json = JsonNode.Parse(body);
        found.Title = json?["title"]?.GetValue<string>() ?? found.Title;
        found.Description = json?["description"]?.GetValue<string>() ?? found.Description;
        return (200, ToJson(found), []);
    }

    private JsonObject ToJson(FakeGitLabMergeRequest m) => new()
    {
        ["id"] = 1000 + m.Iid,
        ["iid"] = m.Iid,
        ["project_id"] = ProjectId,
        ["title"] = m.Title,
        ["description"] = m.Description,
        ["state"] = m.State,
        ["source_branch"] = m.SourceBranch,
        ["target_branch"] = m.TargetBranch,
        ["web_url"] = MergeRequestUrl(m.Iid),
    };

    // GitLab's offset pagination: page/per_page (≤ 100) in, X-* headers and a Link header out.
    private (int, object?, Dictionary<string, string>) Page(List<JsonNode> all, Dictionary<string, string> query, string resource)
    {
        var perPage = Math.Clamp(int.TryParse(query.GetValueOrDefault("per_page"), CultureInfo.InvariantCulture, out var pp) ? pp : DefaultPerPage, 1, 100);
        var page = Math.Max(1, int.TryParse(query.GetValueOrDefault("page"), CultureInfo.InvariantCulture, out var p) ? p : 1);
        var totalPages = Math.Max(1, (all.Count + perPage - 1) / perPage);
        var items = new JsonArray(all.Skip((page - 1) * perPage).Take(perPage).Select(n => n.DeepClone()).ToArray());
        var headers = new Dictionary<string, string>
        {
            ["X-Page"] = page.ToString(CultureInfo.InvariantCulture),
            ["X-Per-Page"] = perPage.ToString(CultureInfo.InvariantCulture),
            ["X-Total"] = all.Count.ToString(CultureInfo.InvariantCulture),
            ["X-Total-Pages"] = totalPages.ToString(CultureInfo.InvariantCulture),
            ["X-Next-Page"] = page < totalPages ? (page + 1).ToString(CultureInfo.InvariantCulture) : "",
            ["X-Prev-Page"] = page > 1 ? (page - 1).ToString(CultureInfo.InvariantCulture) : "",
        };
        if (page < totalPages)
        {
            var next = new Uri(BaseAddress, $"api/v4/projects/{ProjectId}/{resource}?page={page + 1}&per_page={perPage}");
            headers["Link"] = $"<{next.AbsoluteUri}>; rel=\"next\"";
        }

        return (200, items, headers);
    }

    private static Dictionary<string, string> QueryHelpers(string query) =>
        query.Split('&', StringSplitOptions.RemoveEmptyEntries)
            .Select(pair => pair.Split('=', 2))
            .GroupBy(kv => Uri.UnescapeDataString(kv[0]), StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => Uri.UnescapeDataString(g.Last().Length > 1 ? g.Last()[1].Replace('+', ' ') : ""), StringComparer.Ordinal);

    private static JsonObject Message(string text) => new() { ["message"] = text };

    private string NextSha() =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"{ProjectPath}/{++_commitCounter}")))[..40];
}
