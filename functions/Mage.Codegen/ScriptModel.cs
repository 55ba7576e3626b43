using System.Collections;
using Scriban.Runtime;

namespace Mage.Codegen;

/// <summary>
/// Turns the template model (string-keyed dictionaries, lists, strings, numbers, booleans) into
/// Scriban's own read-only objects and arrays. Templates then see data only: no .NET object whose
/// members Scriban would reach by reflection, and nothing a template can change for the next one.
/// </summary>
internal static class ScriptModel
{
    /// <summary>Adds every entry of <paramref name="model"/> to <paramref name="globals"/>, converted.</summary>
    public static void AddTo(ScriptObject globals, IReadOnlyDictionary<string, object?> model)
    {
        foreach (var (key, value) in model)
        {
            globals.SetValue(key, Convert(value), readOnly: true);
        }
    }

    private static object? Convert(object? value) => value switch
    {
        null or string or bool or int or long or decimal or double => value,
        IDictionary<string, object?> map => Object(map),
        IReadOnlyDictionary<string, object?> map => Object(map),
        IEnumerable list => new ScriptArray(list.Cast<object?>().Select(Convert)) { IsReadOnly = true },
        _ => throw new ArgumentException($"the template model holds a {value.GetType().Name}, which templates are not given; use a string, number, boolean, dictionary or list"),
    };

    private static ScriptObject Object(IEnumerable<KeyValuePair<string, object?>> map)
    {
        var result = new ScriptObject();
        foreach (var (key, value) in map)
        {
            result.SetValue(key, Convert(value), readOnly: true);
        }

        result.IsReadOnly = true;
        return result;
    }
}
