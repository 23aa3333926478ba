namespace ServiceManufacturing.ServiceDefaults.Http;

/// <summary>Whether a receipt the platform issued matches what it stored: every service verifies its receipts alike.</summary>
/// <param name="Valid">回执与平台存档一致 / Whether the receipt matches what the platform stored.</param>
public sealed record ReceiptVerification(bool Valid);
