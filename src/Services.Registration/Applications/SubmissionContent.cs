using System.Security.Cryptography;
using System.Text.Json;
using ServiceManufacturing.ServiceDefaults.Http;

namespace ServiceManufacturing.Services.Registration.Applications;

/// <summary>
/// The SHA-256 of what an applicant submits: the application's identity and its whole form, as canonical JSON.
/// It goes into the event and the receipt, so the applicant can later prove what was submitted.
/// </summary>
public static class SubmissionContent
{
    static readonly JsonSerializerOptions Canonical = CanonicalOptions();

    public static string Hash(Application application) => Convert.ToHexStringLower(SHA256.HashData(
        JsonSerializer.SerializeToUtf8Bytes(new
        {
            application.Id, application.CampaignId, application.Category, application.OrganisationName,
            application.CreditCode, application.AuthorityCode, application.Form,
        }, Canonical)));

    static JsonSerializerOptions CanonicalOptions()
    {
        var options = new JsonSerializerOptions { WriteIndented = false };
        ProblemResponses.Configure(options);
        return options;
    }
}
