using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;
using Azure;
using Azure.Core;

namespace Mage.Storage.Tables;

/// <summary>
/// One table. Entities are OData JSON with typed properties. <see cref="GetEntityAsync"/> returns null when the
/// entity is missing (never throws for 404); writes throw typed exceptions: <see cref="StorageConflictException"/>
/// (409, e.g. AddEntityAsync on an existing key), <see cref="StoragePreconditionFailedException"/> (412, ETag moved),
/// <see cref="StorageNotFoundException"/> (404, update of a missing entity). Limits are checked before sending
/// (ArgumentException). Thread-safe and cheap; share it.
/// </summary>
public sealed class TableClient
{
    private const string JsonAccept = "application/json;odata=minimalmetadata";
    private readonly StorageService _service;

    internal TableClient(StorageService service, string name)
    {
        TableEntityRules.ValidateTableName(name);
        _service = service;
        Name = name;
    }

    /// <summary>The table name.</summary>
    public string Name { get; }

    /// <summary>Creates the table if missing; returns true when this call created it. Idempotent.</summary>
    public async Task<bool> CreateIfNotExistsAsync(CancellationToken cancellationToken = default)
    {
        HttpMessage message = Json(RequestMethod.Post, "Tables", Encoding.UTF8.GetBytes($"{{\"TableName\":\"{Name}\"}}"));
        message.Request.Headers.SetValue("Prefer", "return-no-content");
        ResponseHeadersSnapshot r = await _service.SendAndDisposeAsync(message, "Create table", cancellationToken, 409).ConfigureAwait(false);
        return r.Status != 409;
    }

    /// <summary>Deletes the table; returns false when it was missing. Idempotent.</summary>
    public async Task<bool> DeleteIfExistsAsync(CancellationToken cancellationToken = default)
    {
        HttpMessage message = Json(RequestMethod.Delete, $"Tables('{Name}')", null);
        ResponseHeadersSnapshot r = await _service.SendAndDisposeAsync(message, "Delete table", cancellationToken, 404).ConfigureAwait(false);
        return r.Status != 404;
    }

    /// <summary>Inserts; throws <see cref="StorageConflictException"/> (EntityAlreadyExists) when the key exists. Returns the new ETag.</summary>
    public async Task<ETag> AddEntityAsync(TableEntity entity, CancellationToken cancellationToken = default)
    {
        TableEntityRules.Validate(entity);
        HttpMessage message = Json(RequestMethod.Post, Name, TableJson.Serialize(entity));
        message.Request.Headers.SetValue("Prefer", "return-no-content");
        return (await _service.SendAndDisposeAsync(message, "Insert entity", cancellationToken).ConfigureAwait(false)).ETag;
    }

    /// <summary>Insert-or-merge / insert-or-replace, no ETag check. Idempotent. Returns the new ETag.</summary>
    public async Task<ETag> UpsertEntityAsync(TableEntity entity, TableUpdateMode mode = TableUpdateMode.Merge, CancellationToken cancellationToken = default)
    {
        TableEntityRules.Validate(entity);
        HttpMessage message = Json(Method(mode), TableEntityRules.EntityPath(Name, entity.PartitionKey, entity.RowKey), TableJson.Serialize(entity));
        return (await _service.SendAndDisposeAsync(message, "Upsert entity", cancellationToken).ConfigureAwait(false)).ETag;
    }

    /// <summary>
    /// Updates an existing entity when its ETag equals <paramref name="ifMatch"/> (<see cref="ETag.All"/> = any).
    /// Throws <see cref="StoragePreconditionFailedException"/> on a stale ETag, <see cref="StorageNotFoundException"/> when missing.
    /// </summary>
    public async Task<ETag> UpdateEntityAsync(TableEntity entity, ETag ifMatch, TableUpdateMode mode = TableUpdateMode.Merge, CancellationToken cancellationToken = default)
    {
        TableEntityRules.Validate(entity);
        HttpMessage message = Json(Method(mode), TableEntityRules.EntityPath(Name, entity.PartitionKey, entity.RowKey), TableJson.Serialize(entity));
        message.Request.Headers.SetValue("If-Match", IfMatch(ifMatch));
        return (await _service.SendAndDisposeAsync(message, "Update entity", cancellationToken).ConfigureAwait(false)).ETag;
    }

    /// <summary>Reads one entity; returns null when it does not exist (or the table does not).</summary>
    public async Task<TableEntity?> GetEntityAsync(string partitionKey, string rowKey, IEnumerable<string>? select = null, CancellationToken cancellationToken = default)
    {
        TableEntityRules.ValidateKey(partitionKey, nameof(partitionKey));
        TableEntityRules.ValidateKey(rowKey, nameof(rowKey));
        using HttpMessage message = Json(RequestMethod.Get, TableEntityRules.EntityPath(Name, partitionKey, rowKey), null,
            ("$select", select is null ? null : string.Join(',', select)));
        Response response = await _service.SendAsync(message, "Get entity", cancellationToken, 404).ConfigureAwait(false);
        if (response.Status == 404)
        {
            return null;
        }
        using JsonDocument doc = JsonDocument.Parse(response.Content);
        return TableJson.Parse(doc.RootElement, response.Headers.TryGetValue("ETag", out string? etag) ? ETagParser.Parse(etag) : null);
    }

    /// <summary>
    /// Deletes an entity when its ETag equals <paramref name="ifMatch"/> (default: any). Returns false when it was
    /// already missing (so unconditional deletes are idempotent); throws <see cref="StoragePreconditionFailedException"/> on a stale ETag.
    /// </summary>
    public async Task<bool> DeleteEntityAsync(string partitionKey, string rowKey, ETag? ifMatch = null, CancellationToken cancellationToken = default)
    {
        TableEntityRules.ValidateKey(partitionKey, nameof(partitionKey));
        TableEntityRules.ValidateKey(rowKey, nameof(rowKey));
        HttpMessage message = Json(RequestMethod.Delete, TableEntityRules.EntityPath(Name, partitionKey, rowKey), null);
        message.Request.Headers.SetValue("If-Match", IfMatch(ifMatch ?? ETag.All));
        ResponseHeadersSnapshot r = await _service.SendAndDisposeAsync(message, "Delete entity", cancellationToken, 404).ConfigureAwait(false);
        return r.Status != 404;
    }

    /// <summary>
    /// One page of a query. <paramref name="filter"/> is an OData filter (build it with <see cref="ODataFilter"/>);
    /// <paramref name="top"/> caps the page (1..1,000). Continue with the returned token until it is null.
    /// </summary>
    public async Task<TableEntityPage> QueryPageAsync(string? filter = null, IEnumerable<string>? select = null, int? top = null, TableContinuationToken? continuation = null, CancellationToken cancellationToken = default)
    {
        if (top is < 1 or > 1000)
        {
            throw new ArgumentOutOfRangeException(nameof(top), "top must be 1..1,000.");
        }
        using HttpMessage message = Json(RequestMethod.Get, Name + "()", null,
            ("$filter", string.IsNullOrEmpty(filter) ? null : filter),
            ("$select", select is null ? null : string.Join(',', select)),
            ("$top", top?.ToString(CultureInfo.InvariantCulture)),
            ("NextPartitionKey", continuation?.NextPartitionKey),
            ("NextRowKey", continuation?.NextRowKey));
        Response response = await _service.SendAsync(message, "Query entities", cancellationToken).ConfigureAwait(false);
        using JsonDocument doc = JsonDocument.Parse(response.Content);
        var items = doc.RootElement.GetProperty("value").EnumerateArray().Select(e => TableJson.Parse(e)).ToList();
        TableContinuationToken? next = response.Headers.TryGetValue("x-ms-continuation-NextPartitionKey", out string? npk)
            ? new TableContinuationToken(npk, response.Headers.TryGetValue("x-ms-continuation-NextRowKey", out string? nrk) ? nrk : null)
            : null;
        return new TableEntityPage(items, next);
    }

    /// <summary>All entities matching <paramref name="filter"/>, fetching pages lazily.</summary>
    public async IAsyncEnumerable<TableEntity> QueryAsync(string? filter = null, IEnumerable<string>? select = null, int? pageSize = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        List<string>? columns = select?.ToList();
        TableContinuationToken? token = null;
        do
        {
            TableEntityPage page = await QueryPageAsync(filter, columns, pageSize, token, cancellationToken).ConfigureAwait(false);
            foreach (TableEntity entity in page.Items)
            {
                yield return entity;
            }
            token = page.ContinuationToken;
        }
        while (token is not null);
    }

    /// <summary>All entities of one partition, optionally narrowed by an extra filter (ANDed).</summary>
    public IAsyncEnumerable<TableEntity> QueryPartitionAsync(string partitionKey, string? filter = null, IEnumerable<string>? select = null, int? pageSize = null, CancellationToken cancellationToken = default)
    {
        string combined = string.IsNullOrEmpty(filter)
            ? ODataFilter.PartitionKeyEquals(partitionKey)
            : $"{ODataFilter.PartitionKeyEquals(partitionKey)} and ({filter})";
        return QueryAsync(combined, select, pageSize, cancellationToken);
    }

    /// <summary>
    /// Applies up to 100 actions on one partition atomically (entity group transaction). Returns one ETag per action
    /// (null for deletes). On failure nothing is applied and <see cref="TableTransactionFailedException"/> tells which
    /// action failed. Validation (count, partition, duplicates, sizes) happens before sending.
    /// </summary>
    public async Task<IReadOnlyList<ETag?>> SubmitTransactionAsync(IReadOnlyList<TableTransactionAction> actions, CancellationToken cancellationToken = default)
    {
        TableBatch.Validate(actions);
        (byte[] body, string contentType) = TableBatch.Build(_service.Endpoint, Name, actions);
        using HttpMessage message = _service.CreateMessage(RequestMethod.Post, "$batch");
        message.Request.Headers.SetValue("Accept", JsonAccept);
        message.Request.Headers.SetValue("DataServiceVersion", "3.0");
        message.Request.Headers.SetValue("MaxDataServiceVersion", "3.0;NetFx");
        message.Request.Headers.SetValue("Content-Type", contentType);
        message.Request.Content = RequestContent.Create(body);
        Response response = await _service.SendAsync(message, "Table transaction", cancellationToken).ConfigureAwait(false);
        return TableBatch.ReadResponse(response.Content.ToString(), actions.Count);
    }

    private HttpMessage Json(RequestMethod method, string path, byte[]? body, params (string, string?)[] query)
    {
        HttpMessage message = _service.CreateMessage(method, path, query);
        message.Request.Headers.SetValue("Accept", JsonAccept);
        message.Request.Headers.SetValue("DataServiceVersion", "3.0");
        message.Request.Headers.SetValue("MaxDataServiceVersion", "3.0;NetFx");
        if (body is not null)
        {
            message.Request.Headers.SetValue("Content-Type", "application/json");
            message.Request.Content = RequestContent.Create(body);
        }
        return message;
    }

    private static RequestMethod Method(TableUpdateMode mode) => mode == TableUpdateMode.Merge ? new RequestMethod("MERGE") : RequestMethod.Put;

    private static string IfMatch(ETag etag) => etag == ETag.All ? "*" : etag.ToString("H");
}
