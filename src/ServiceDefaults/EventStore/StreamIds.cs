using System.Security.Cryptography;
using System.Text;

namespace ServiceManufacturing.ServiceDefaults.EventStore;

/// <summary>Stream ids named by what they are about (e.g. one authority in one campaign), the same every time.</summary>
public static class StreamIds
{
    public static Guid For(params string[] parts)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(string.Join('\u001f', parts)));
        return new Guid(hash.AsSpan(0, 16));
    }
}
