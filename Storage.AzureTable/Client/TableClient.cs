using System.Buffers;
using System.Runtime.CompilerServices;
using System.Text.Json;
using Azure;
using Azure.Core;
using Azure.Core.Pipeline;

namespace Sesame.Storage.AzureTable.Client;

/// <summary>
/// A small client for one table of the Azure Table service (or Azurite), on the Azure.Core pipeline, which retries
/// transient failures (network errors, 408, 429, 5xx) within <see cref="RetryOptions"/>. Entities travel as JSON;
/// replies ask for minimal metadata, so binary properties and every entity's ETag come back typed.
/// </summary>
internal sealed class TableClient
{
    private const string ApiVersion = "2019-02-02";
    private const string JsonContentType = "application/json";
    private const string AcceptMinimalMetadata = "application/json;odata=minimalmetadata";
    private const string BinaryType = "Edm.Binary";

    private readonly HttpPipeline pipeline;
    private readonly string endpoint;

    public TableClient(TableConnectionString connection, string tableName, TableClientOptions options, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentException.ThrowIfNullOrEmpty(tableName);
        TableName = tableName;
        endpoint = connection.TableEndpoint.AbsoluteUri.TrimEnd('/');
        pipeline = HttpPipelineBuilder.Build(options, new SharedKeyPolicy(connection.AccountName, connection.AccountKey, time));
    }

    public string TableName { get; }

    /// <summary>Creates the table; a table that already exists is fine.</summary>
    public async Task CreateTableIfNotExistsAsync(CancellationToken cancellationToken)
    {
        using var message = CreateMessage(RequestMethod.Post, "/Tables");
        message.Request.Headers.SetValue("Prefer", "return-no-content");
        SetJsonContent(message, writer => writer.WriteString("TableName", TableName));
        var response = await SendAsync(message, cancellationToken);
        if (response.Status is not (201 or 204 or 409))
        {
            throw Failure(response, "create the table");
        }
    }

    /// <summary>Reads one entity, or returns null if there is none.</summary>
    public async Task<TableEntity?> GetAsync(string partitionKey, string rowKey, CancellationToken cancellationToken)
    {
        using var message = CreateMessage(RequestMethod.Get, EntityPath(partitionKey, rowKey));
        var response = await SendAsync(message, cancellationToken);
        if (response.Status == 404)
        {
            return null;
        }

        if (response.Status != 200)
        {
            throw Failure(response, "read an entity");
        }

        using var document = JsonDocument.Parse(response.Content);
        return ReadEntity(document.RootElement, response.Headers.ETag?.ToString("H"));
    }

    /// <summary>Inserts an entity that must not exist yet, and returns its ETag.</summary>
    /// <exception cref="TableConflictException">The entity exists.</exception>
    public async Task<string> InsertAsync(TableEntity entity, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entity);
        using var message = CreateMessage(RequestMethod.Post, $"/{TableName}");
        message.Request.Headers.SetValue("Prefer", "return-no-content");
        SetJsonContent(message, writer => WriteEntity(writer, entity));
        var response = await SendAsync(message, cancellationToken);
        return response.Status switch
        {
            201 or 204 => RequireETag(response),
            409 => throw Conflict(response),
            _ => throw Failure(response, "insert an entity"),
        };
    }

    /// <summary>Replaces an entity if its ETag is still <paramref name="etag"/>, and returns the new ETag.</summary>
    /// <exception cref="TableConflictException">The entity is gone or has another ETag.</exception>
    public async Task<string> ReplaceAsync(TableEntity entity, string etag, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entity);
        ArgumentException.ThrowIfNullOrEmpty(etag);
        using var message = CreateMessage(RequestMethod.Put, EntityPath(entity.PartitionKey, entity.RowKey));
        message.Request.Headers.SetValue("If-Match", etag);
        SetJsonContent(message, writer => WriteEntity(writer, entity));
        var response = await SendAsync(message, cancellationToken);
        return response.Status switch
        {
            204 => RequireETag(response),
            404 or 412 => throw Conflict(response),
            _ => throw Failure(response, "replace an entity"),
        };
    }

    /// <summary>Deletes an entity if its ETag is still <paramref name="etag"/>.</summary>
    /// <exception cref="TableConflictException">The entity is gone or has another ETag.</exception>
    public async Task DeleteAsync(string partitionKey, string rowKey, string etag, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(etag);
        using var message = CreateMessage(RequestMethod.Delete, EntityPath(partitionKey, rowKey));
        message.Request.Headers.SetValue("If-Match", etag);
        var response = await SendAsync(message, cancellationToken);
        if (response.Status is 404 or 412)
        {
            throw Conflict(response);
        }

        if (response.Status != 204)
        {
            throw Failure(response, "delete an entity");
        }
    }

    /// <summary>Every entity of one partition, page after page, in row key order.</summary>
    public IAsyncEnumerable<TableEntity> QueryPartitionAsync(string partitionKey, CancellationToken cancellationToken) =>
        QueryAsync("$filter=" + Uri.EscapeDataString($"PartitionKey eq {Quote(partitionKey)}"), "query a partition", cancellationToken);

    /// <summary>Every entity of the table, page after page, in key order.</summary>
    public IAsyncEnumerable<TableEntity> QueryAllAsync(CancellationToken cancellationToken) => QueryAsync("$top=1000", "query the table", cancellationToken);

    private async IAsyncEnumerable<TableEntity> QueryAsync(string query, string what, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var continuation = string.Empty;
        do
        {
            using var message = CreateMessage(RequestMethod.Get, $"/{TableName}()?{query}{continuation}");
            var response = await SendAsync(message, cancellationToken);
            if (response.Status != 200)
            {
                throw Failure(response, what);
            }

            using var page = JsonDocument.Parse(response.Content);
            foreach (var item in page.RootElement.GetProperty("value").EnumerateArray())
            {
                yield return ReadEntity(item, item.TryGetProperty("odata.etag", out var etag) ? etag.GetString() : null);
            }

            continuation = response.Headers.TryGetValue("x-ms-continuation-NextPartitionKey", out var nextPartition)
                ? $"&NextPartitionKey={Uri.EscapeDataString(nextPartition)}"
                  + (response.Headers.TryGetValue("x-ms-continuation-NextRowKey", out var nextRow) ? $"&NextRowKey={Uri.EscapeDataString(nextRow)}" : string.Empty)
                : string.Empty;
        }
        while (continuation.Length > 0);
    }

    private string EntityPath(string partitionKey, string rowKey) =>
        $"/{TableName}(PartitionKey={Uri.EscapeDataString(Quote(partitionKey))},RowKey={Uri.EscapeDataString(Quote(rowKey))})";

    private static string Quote(string key) => $"'{key.Replace("'", "''", StringComparison.Ordinal)}'";

    private HttpMessage CreateMessage(RequestMethod method, string path)
    {
        var message = pipeline.CreateMessage();
        message.Request.Method = method;
        message.Request.Uri.Reset(new Uri(endpoint + path));
        message.Request.Headers.SetValue("Accept", AcceptMinimalMetadata);
        message.Request.Headers.SetValue("x-ms-version", ApiVersion);
        message.Request.Headers.SetValue("DataServiceVersion", "3.0");
        message.Request.Headers.SetValue("MaxDataServiceVersion", "3.0;NetFx");
        return message;
    }

    private static void SetJsonContent(HttpMessage message, Action<Utf8JsonWriter> writeProperties)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writeProperties(writer);
            writer.WriteEndObject();
        }

        message.Request.Headers.SetValue("Content-Type", JsonContentType);
        message.Request.Content = RequestContent.Create(buffer.WrittenMemory);
    }

    private async Task<Response> SendAsync(HttpMessage message, CancellationToken cancellationToken)
    {
        try
        {
            await pipeline.SendAsync(message, cancellationToken);
        }
        catch (Exception exception) when (!cancellationToken.IsCancellationRequested)
        {
            throw new TableServiceException(0, $"The Table service at {endpoint} could not be reached: {Innermost(exception).Message}", exception);
        }

        return message.Response;
    }

    private static Exception Innermost(Exception exception) =>
        exception is AggregateException { InnerExceptions.Count: > 0 } aggregate ? Innermost(aggregate.InnerExceptions[^1])
        : exception.InnerException is { } inner ? Innermost(inner)
        : exception;

    private static void WriteEntity(Utf8JsonWriter writer, TableEntity entity)
    {
        writer.WriteString("PartitionKey", entity.PartitionKey);
        writer.WriteString("RowKey", entity.RowKey);
        foreach (var (name, value) in entity.Properties)
        {
            switch (value)
            {
                case string text:
                    writer.WriteString(name, text);
                    break;
                case int number:
                    writer.WriteNumber(name, number);
                    break;
                case bool flag:
                    writer.WriteBoolean(name, flag);
                    break;
                case byte[] bytes:
                    writer.WriteString(name + "@odata.type", BinaryType);
                    writer.WriteBase64String(name, bytes);
                    break;
                default:
                    throw new ArgumentException($"Property '{name}' has type {value.GetType().Name}; entities hold strings, Int32, booleans and binary.", nameof(entity));
            }
        }
    }

    private static TableEntity ReadEntity(JsonElement json, string? etag)
    {
        var entity = new TableEntity(json.GetProperty("PartitionKey").GetString()!, json.GetProperty("RowKey").GetString()!) { ETag = etag };
        foreach (var property in json.EnumerateObject())
        {
            if (property.Name is "PartitionKey" or "RowKey" || property.Name.StartsWith("odata.", StringComparison.Ordinal) || property.Name.Contains('@', StringComparison.Ordinal))
            {
                continue;
            }

            entity.Properties[property.Name] = ReadValue(property.Value, json.TryGetProperty(property.Name + "@odata.type", out var type) ? type.GetString() : null);
        }

        return entity;
    }

    private static object ReadValue(JsonElement value, string? type) => value.ValueKind switch
    {
        JsonValueKind.String when type == BinaryType && value.TryGetBytesFromBase64(out var bytes) => bytes,
        JsonValueKind.String => value.GetString()!,
        JsonValueKind.Number when value.TryGetInt32(out var number) => number,
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        _ => value.GetRawText(),
    };

    private static string RequireETag(Response response) =>
        response.Headers.ETag?.ToString("H") ?? throw new TableServiceException(response.Status, "The Table service answered a write without an ETag.");

    private static TableConflictException Conflict(Response response) => new(response.Status, ErrorCode(response));

    private TableServiceException Failure(Response response, string operation)
    {
        var code = ErrorCode(response);
        return new TableServiceException(response.Status, $"The Table service failed to {operation} in table '{TableName}': {response.Status} {code ?? response.ReasonPhrase}.");
    }

    /// <summary>The service's error code: the <c>x-ms-error-code</c> header, else <c>odata.error.code</c> of the body.</summary>
    private static string? ErrorCode(Response response)
    {
        if (response.Headers.TryGetValue("x-ms-error-code", out var header))
        {
            return header;
        }

        try
        {
            using var body = JsonDocument.Parse(response.Content);
            return body.RootElement.TryGetProperty("odata.error", out var error) && error.TryGetProperty("code", out var code) ? code.GetString() : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
