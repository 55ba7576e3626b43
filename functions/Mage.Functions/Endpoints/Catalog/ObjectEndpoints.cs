using Mage.Catalog;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Mage.Functions.Endpoints.Catalog;

/// <summary>
/// Service objects: <c>PUT /api/services/{service}/objects/{name}</c> (raw body, any content
/// type, streamed to a block blob, limited by <c>Mage:Objects:MaxBytes</c>), <c>GET …/objects</c>,
/// <c>GET …/objects/{name}</c> (the bytes) and <c>DELETE</c>.
/// </summary>
public static class ObjectEndpoints
{
    /// <summary>Maps the object routes on the <c>/services/{service}</c> group.</summary>
    public static RouteGroupBuilder MapObjectEndpoints(this RouteGroupBuilder service)
    {
        var objects = service.MapGroup("/objects");
        objects.MapPut("/{name}", PutObjectAsync).WithName("PutObject");
        objects.MapGet("/", ListObjectsAsync).WithName("ListObjects");
        objects.MapGet("/{name}", GetObjectAsync).WithName("GetObject");
        objects.MapDelete("/{name}", DeleteObjectAsync).WithName("DeleteObject");
        return service;
    }

    private static async Task<Results<Created<ObjectResponse>, ProblemHttpResult>> PutObjectAsync(
        string service, string name, HttpRequest request, ObjectStore objects, CancellationToken cancellationToken)
    {
        if (!CatalogNames.IsValidObjectName(name))
        {
            return CatalogProblems.Validation($"Object '{CatalogNames.Shorten(name)}'", [new("name", CatalogNames.ObjectNameProblem(name))]);
        }

        // The server's own body limit (30 MB in Kestrel) would cut uploads below our setting;
        // the object limit takes its place, enforced while streaming.
        if (request.HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
        {
            limit.MaxRequestBodySize = objects.MaxBytes + 1;
        }

        try
        {
            var stored = await objects.UploadAsync(service, name, request.Body, request.ContentLength, request.ContentType, cancellationToken);
            return TypedResults.Created($"/api/services/{service}/objects/{name}", ToResponse(stored));
        }
        catch (ObjectTooLargeException)
        {
            return CatalogProblems.TooLarge(objects.MaxBytes);
        }
        catch (BadHttpRequestException ex) when (ex.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return CatalogProblems.TooLarge(objects.MaxBytes);
        }
    }

    private static async Task<Ok<ItemsResponse<ObjectResponse>>> ListObjectsAsync(
        string service, ObjectStore objects, CancellationToken cancellationToken)
    {
        var list = await objects.ListAsync(service, cancellationToken);
        return TypedResults.Ok(new ItemsResponse<ObjectResponse>([.. list.Select(ToResponse)]));
    }

    private static async Task<Results<FileStreamHttpResult, ProblemHttpResult>> GetObjectAsync(
        string service, string name, ObjectStore objects, HttpResponse response, CancellationToken cancellationToken)
    {
        if (await objects.OpenReadAsync(service, name, cancellationToken) is not { } found)
        {
            return CatalogProblems.NotFound($"object {CatalogNames.Shorten(name)} of service {service}");
        }

        response.ContentLength = found.Object.Size;
        if (found.Object.Sha256.Length > 0)
        {
            response.Headers["x-mage-sha256"] = found.Object.Sha256;
        }

        // The result disposes the stream, which releases the storage connection.
        return TypedResults.Stream(found.Content, "application/octet-stream", fileDownloadName: null, lastModified: found.Object.CreatedAt);
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> DeleteObjectAsync(
        string service, string name, ObjectStore objects, CancellationToken cancellationToken) =>
        await objects.DeleteAsync(service, name, cancellationToken)
            ? TypedResults.NoContent()
            : CatalogProblems.NotFound($"object {CatalogNames.Shorten(name)} of service {service}");

    private static ObjectResponse ToResponse(ObjectRecord o) => new(o.Name, o.Size, o.Sha256, o.CreatedAt);
}
