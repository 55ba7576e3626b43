using Mage.Testing;

namespace Mage.Storage.Tests;

public sealed class TestNamesTests
{
    [Fact]
    public void TestNames_Unique_AreValidForAllResourceKinds()
    {
        StorageAccount account = StorageAccount.Parse("UseDevelopmentStorage=true");
        foreach (string prefix in new[] { "", "9x", "Some-Prefix_!", new string('a', 100) })
        {
            string name = TestNames.Unique(prefix);
            Assert.InRange(name.Length, 3, 63);
            account.GetTable(name);
            account.GetQueue(name);
            account.GetBlobContainer(name);
        }
        Assert.NotEqual(TestNames.Unique("x"), TestNames.Unique("x"));
    }
}
