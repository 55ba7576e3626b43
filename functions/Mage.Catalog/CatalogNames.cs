using System.Text.RegularExpressions;

namespace Mage.Catalog;

/// <summary>Naming rules of services, objects and variables, with the messages that explain them. Pure.</summary>
public static partial class CatalogNames
{
    /// <summary>The service-name rule, as shown in error messages.</summary>
    public const string ServiceNameRule = "^[a-z0-9][a-z0-9-]{0,62}$";

    /// <summary>The object-name rule, as shown in error messages.</summary>
    public const string ObjectNameRule = "^[A-Za-z0-9._-]{1,128}$";

    /// <summary>Longest variable key.</summary>
    public const int MaxVariableKeyLength = 128;

    /// <summary>True when <paramref name="name"/> is a valid service name.</summary>
    public static bool IsValidServiceName(string? name) => name is not null && ServiceName().IsMatch(name);

    /// <summary>True when <paramref name="name"/> is a valid object name (never <c>.</c> or <c>..</c>).</summary>
    public static bool IsValidObjectName(string? name) => name is not null and not "." and not ".." && ObjectName().IsMatch(name);

    /// <summary>True when <paramref name="key"/> is a valid variable key: letters, digits, underscore, not starting with a digit.</summary>
    public static bool IsValidVariableKey(string? key) => key is { Length: > 0 and <= MaxVariableKeyLength } && VariableKey().IsMatch(key);

    /// <summary>Why a service name is invalid.</summary>
    public static string ServiceNameProblem(string name) =>
        $"Service name '{Shorten(name)}' is not valid: it must match {ServiceNameRule} (lowercase letters, digits and '-', starting with a letter or digit, at most 63 characters).";

    /// <summary>Why an object name is invalid.</summary>
    public static string ObjectNameProblem(string name) =>
        $"Object name '{Shorten(name)}' is not valid: it must match {ObjectNameRule} (letters, digits, '.', '_' and '-', at most 128 characters) and must not be '.' or '..'.";

    /// <summary>Why a variable key is invalid.</summary>
    public static string VariableKeyProblem(string key) =>
        $"Variable key '{Shorten(key)}' is not valid: use letters, digits and '_', not starting with a digit, at most {MaxVariableKeyLength} characters.";

    /// <summary>Shortens user input quoted in messages, so a huge value cannot flood a response or a log.</summary>
    public static string Shorten(string value) => value.Length <= 80 ? value : value[..80] + "…";

    [GeneratedRegex(@"\A[a-z0-9][a-z0-9-]{0,62}\z", RegexOptions.CultureInvariant)]
    private static partial Regex ServiceName();

    [GeneratedRegex(@"\A[A-Za-z0-9._-]{1,128}\z", RegexOptions.CultureInvariant)]
    private static partial Regex ObjectName();

    [GeneratedRegex(@"\A[A-Za-z_][A-Za-z0-9_]*\z", RegexOptions.CultureInvariant)]
    private static partial Regex VariableKey();
}
