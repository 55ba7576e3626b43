using System.Text;

namespace Mage.Durable.Backend.AzureStorage;

/// <summary>Stable instance-to-partition mapping: 32-bit FNV-1a of the UTF-8 instance id. Never changes between versions.</summary>
internal static class PartitionHash
{
    public static uint Fnv1a(string value)
    {
        uint hash = 2166136261;
        foreach (byte b in Encoding.UTF8.GetBytes(value))
        {
            hash ^= b;
            hash *= 16777619;
        }

        return hash;
    }

    public static int PartitionOf(string instanceId, int partitionCount) => (int)(Fnv1a(instanceId) % (uint)partitionCount);
}
