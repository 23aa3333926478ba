using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using ServiceManufacturing.ServiceDefaults.Http;

namespace ServiceManufacturing.ServiceDefaults.Documents;

/// <summary>
/// Short-lived signed links to an application's documents: the service that knows who may read them (Review, which knows
/// the experts' assignments) issues a link, and the service that stores them (Registration) serves a document for a valid,
/// unexpired signature only, without knowing why. The signature is an HMAC-SHA256 over the application, the document,
/// the user it was issued to (his subject) and the expiry, with a key both services get from the AppHost
/// (<c>DocumentLinks:Key</c>, a secret parameter): the link is that user's, and the serving service compares the subject
/// with whoever presents it.
/// </summary>
public sealed class DocumentLinks(IConfiguration configuration, TimeProvider clock)
{
    /// <summary>The filled application form (DOCX).</summary>
    public const string Form = "form";

    /// <summary>The stamped form's scan.</summary>
    public const string StampedForm = "stamped-form";

    /// <summary>The documents a link may name.</summary>
    public static IReadOnlyList<string> Documents { get; } = [Form, StampedForm];

    /// <summary>How long a link stays valid.</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(10);

    public static readonly Rule Invalid = new("document-link-invalid", 403,
        "文件链接无效或已过期，请重新获取。", "The document link is invalid or has expired; ask for a new one.");

    byte[] Key => SHA256.HashData(Encoding.UTF8.GetBytes(configuration["DocumentLinks:Key"] is { Length: >= 16 } key ? key
        : throw new InvalidOperationException("DocumentLinks:Key (at least 16 characters) is not configured.")));

    /// <summary>
    /// The path (for the gateway) of a link to <paramref name="document"/> of the application for the user
    /// <paramref name="subject"/> alone, and when it expires.
    /// </summary>
    public (string Path, DateTimeOffset ExpiresAt) Issue(Guid applicationId, string document, string subject)
    {
        var expires = clock.GetUtcNow().Add(Lifetime).ToUnixTimeSeconds();
        return ($"/api/v1/applications/{applicationId}/signed-documents/{document}?expires={expires}&subject={Uri.EscapeDataString(subject)}" +
            $"&signature={Sign(applicationId, document, subject, expires)}", DateTimeOffset.FromUnixTimeSeconds(expires));
    }

    /// <summary>Whether the signature is this link's (for <paramref name="subject"/>), and the link has not expired.</summary>
    public bool Valid(Guid applicationId, string document, string? subject, long expires, string? signature)
    {
        if (signature is null || subject is null || expires <= clock.GetUtcNow().ToUnixTimeSeconds()) return false;
        var expected = Encoding.ASCII.GetBytes(Sign(applicationId, document, subject, expires));
        return CryptographicOperations.FixedTimeEquals(expected, Encoding.ASCII.GetBytes(signature));
    }

    string Sign(Guid applicationId, string document, string subject, long expires) => Convert.ToHexStringLower(HMACSHA256.HashData(Key,
        Encoding.UTF8.GetBytes($"{applicationId:D}\n{document}\n{subject}\n{expires.ToString(CultureInfo.InvariantCulture)}")));
}

public static class DocumentLinksExtensions
{
    /// <summary>Signed document links, with the key from <c>DocumentLinks:Key</c>.</summary>
    public static IHostApplicationBuilder AddDocumentLinks(this IHostApplicationBuilder builder)
    {
        builder.Services.AddSingleton<DocumentLinks>();
        return builder;
    }
}
