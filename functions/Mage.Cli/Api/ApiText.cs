namespace Mage.Cli.Api;

/// <summary>A successful answer read as text (a saved document), with the headers that describe it.</summary>
/// <param name="Body">The body.</param>
/// <param name="MediaType">Its media type, e.g. <c>application/yaml</c>.</param>
/// <param name="Headers">Response and content headers, names case-insensitive, values joined with ", ".</param>
internal sealed record ApiText(string Body, string? MediaType, IReadOnlyDictionary<string, string> Headers);
