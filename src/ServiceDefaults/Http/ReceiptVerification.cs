namespace ServiceManufacturing.ServiceDefaults.Http;

/// <summary>Whether a receipt the platform issued matches what it stored: every service verifies its receipts alike.</summary>
/// <param name="Valid">回执与平台存档一致 / Whether the receipt matches what the platform stored.</param>
public sealed record ReceiptVerification(bool Valid);

/// <summary>
/// The hash a receipt carries: SHA-256 over the content's JSON as the API writes it (camelCase, enums by name), so the
/// same content always hashes alike and a receipt is verified by hashing the stored content again.
/// </summary>
public static class ReceiptHash
{
    static readonly System.Text.Json.JsonSerializerOptions Canonical = CanonicalOptions();

    public static string Of(object content) => Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(
        System.Text.Json.JsonSerializer.SerializeToUtf8Bytes(content, content.GetType(), Canonical)));

    static System.Text.Json.JsonSerializerOptions CanonicalOptions()
    {
        var options = new System.Text.Json.JsonSerializerOptions();
        ProblemResponses.Configure(options);
        return options;
    }
}
