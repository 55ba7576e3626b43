namespace Mage.Codegen.Tests.Configuration;

/// <summary>Configurations the tests share; <see cref="Complete"/> is also the example of docs/configuration.md (a test keeps them equal).</summary>
internal static class ConfigurationSamples
{
    public const string Complete = """
        service: orders
        description: Orders of the web shop
        pack: aspnet-minimal-api

        model:
          Customer:
            description: Someone who orders
            fields:
              id: { type: guid, key: true }
              email: { type: string, required: true, maxLength: 200, pattern: "^[^@\\s]+@[^@\\s]+$" }
              name: { type: string, required: true, minLength: 1, maxLength: 100 }
              status: { type: enum, values: [active, blocked] }
          Order:
            fields:
              id: { type: long, key: true }
              customer: { type: reference, entity: Customer, required: true }
              total: { type: decimal, min: 0, max: 1000000 }
              quantity: { type: int, min: 1, max: 999 }
              paid: bool
              placedAt: datetime

        endpoints:
          entities:
            Customer: all
            Order:
              operations: [list, get, create]
              route: /orders
          custom:
            quote:
              method: GET
              route: /quotes/{sku}
              description: Price and stock of one product
              calls: quote

        spells:
          crud: { pageSize: 50, maxPageSize: 500 }
          cache-aside: { ttl: 5m, maxEntries: 10000, entities: [Customer] }
          audit-log: { operations: [create, update, delete] }
          http-call:
            calls:
              quote:
                mode: parallel
                timeout: 10s
                requests:
                  price: https://pricing.example.com/prices/{sku}
                  stock: { method: GET, url: "https://stock.example.com/items/{sku}" }
          work-queue: { capacity: 100, workers: 2, whenFull: reject }
          circuit-breaker: { failureThreshold: 5, breakDuration: 30s, calls: [quote] }

        """;

    public const string Minimal = """
        service: orders
        pack: aspnet-minimal-api
        model:
          Customer:
            fields:
              id: { type: guid, key: true }
              email: string
        spells: [crud]
        """;
}
