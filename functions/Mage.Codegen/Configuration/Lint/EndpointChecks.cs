using Mage.Manifests;

namespace Mage.Codegen.Configuration;

/// <summary>Checks of <c>endpoints</c>: entities that exist, the crud spell behind entity operations, calls that resolve, routes that do not collide.</summary>
internal static class EndpointChecks
{
    public static void Check(ServiceConfiguration candidate, ConfigurationParse parsed, LintSink sink)
    {
        var entities = candidate.Entities.Select(e => e.Name).ToList();
        foreach (var exposed in candidate.Endpoints.Entities)
        {
            if (!entities.Contains(exposed.Entity))
            {
                sink.Error($"endpoints.entities.{exposed.Entity}", $"entity \"{exposed.Entity}\" is not in the model{Suggestions.DidYouMean(exposed.Entity, entities)}");
            }
        }

        if (parsed.EntityEndpointsGiven && candidate.Spells.Crud is null && candidate.Endpoints.Entities.Count > 0)
        {
            sink.Error("endpoints.entities", "entity operations are served by the crud spell, which is off; add crud to spells (spells: { crud: {} }) or remove endpoints.entities");
        }

        if (parsed.EntityEndpointsGiven && candidate.Spells.Crud is not null)
        {
            foreach (var entity in entities.Where(e => candidate.Endpoints.Entities.All(x => x.Entity != e)))
            {
                sink.Warning($"model.{entity}", $"entity {entity} has no endpoint (it is not under endpoints.entities); it can only be reached through references");
            }
        }

        var calls = candidate.Spells.HttpCall?.Calls ?? [];
        foreach (var custom in candidate.Endpoints.Custom)
        {
            CheckCalls(custom, calls, candidate.Spells.HttpCall is not null, sink);
        }

        CheckCollisions(candidate, parsed, sink);
    }

    private static void CheckCalls(CustomEndpoint custom, IReadOnlyList<HttpCall> calls, bool httpCallOn, LintSink sink)
    {
        if (custom.Calls is not { } name)
        {
            return;
        }

        var path = $"endpoints.custom.{custom.Name}.calls";
        if (!httpCallOn)
        {
            sink.Error(path, $"endpoint {custom.Name} runs call {name}, but the http-call spell is off; add http-call with a call named {name} to spells");
            return;
        }

        if (calls.FirstOrDefault(c => c.Name == name) is not { } call)
        {
            sink.Error(path, $"there is no http-call call named \"{name}\"{Suggestions.DidYouMean(name, calls.Select(c => c.Name))}");
            return;
        }

        var parameters = RouteSyntax.Parameters(custom.Route);
        foreach (var request in call.Requests)
        {
            foreach (var missing in RouteSyntax.Parameters(request.Url).Where(p => !parameters.Contains(p)))
            {
                sink.Error(path, $"request {request.Name} of call {name} uses {{{missing}}}, which route {custom.Route} of endpoint {custom.Name} does not have");
            }
        }
    }

    private static void CheckCollisions(ServiceConfiguration candidate, ConfigurationParse parsed, LintSink sink)
    {
        var taken = new Dictionary<(string Method, string Shape), string>();
        void Claim(string method, string route, string path, string owner)
        {
            if (!taken.TryAdd((method, RouteSyntax.Shape(route)), owner))
            {
                sink.Error(path, $"{method} {route} of {owner} is already served by {taken[(method, RouteSyntax.Shape(route))]}; change one of the routes");
            }
        }

        foreach (var exposed in ConfigurationCompiler.ExposedEntities(parsed, candidate))
        {
            var path = parsed.Has($"endpoints.entities.{exposed.Entity}.route") ? $"endpoints.entities.{exposed.Entity}.route" : $"endpoints.entities.{exposed.Entity}";
            foreach (var operation in exposed.Operations)
            {
                var (method, route) = EntityRoutes.Of(exposed.Route, operation);
                Claim(method, route, path, $"{exposed.Entity} {ConfigurationKeys.Operations[(int)operation]}");
            }
        }

        foreach (var custom in candidate.Endpoints.Custom)
        {
            Claim(custom.Method, custom.Route, $"endpoints.custom.{custom.Name}.route", $"custom endpoint {custom.Name}");
        }
    }
}
