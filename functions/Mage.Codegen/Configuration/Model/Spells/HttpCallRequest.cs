namespace Mage.Codegen.Configuration;

/// <summary>One request of an <see cref="HttpCall"/>.</summary>
/// <param name="Name">camelCase name, unique in its call (names the result).</param>
/// <param name="Method">Upper-case HTTP method (default GET).</param>
/// <param name="Url">Absolute http(s) URL; <c>{name}</c> placeholders take route parameters of the endpoint.</param>
public sealed record HttpCallRequest(string Name, string Method, string Url);
