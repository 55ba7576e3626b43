namespace Mage.Dashboard.Tests.Infrastructure;

/// <summary>The tests that share <see cref="DashboardFixture"/>; they run one at a time.</summary>
[CollectionDefinition(Name)]
public sealed class DashboardCollection : ICollectionFixture<DashboardFixture>
{
    /// <summary>The collection's name.</summary>
    public const string Name = "Dashboard";
}
