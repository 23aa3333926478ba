namespace ServiceManufacturing.ServiceDefaults.Http;

/// <summary>Whether a receipt the platform issued matches what it stored: every service verifies its receipts alike.</summary>
public sealed record ReceiptVerification(bool Valid);
