using ServiceManufacturing.ServiceDefaults.Identity;
using ServiceManufacturing.Tests.TestSupport;
using static ServiceManufacturing.Tests.TestSupport.EndpointAccess;

namespace ServiceManufacturing.Tests.Registration;

public class EndpointAccessTests(RegistrationApp app) : IClassFixture<RegistrationApp>
{
    /// <summary>Who may call each of Registration's endpoints. A new endpoint fails the test until it is added here.</summary>
    static readonly Dictionary<string, string[]> Table = new()
    {
        ["GET /alive"] = [Anonymous],
        ["GET /health"] = [Anonymous],
        ["GET /openapi/{documentName}.json"] = [Anonymous],
        ["GET /api/v1/operations/registration/dead-letters/"] = [PlatformRoles.MinistryOfficer, PlatformRoles.Auditor],
        ["POST /api/v1/operations/registration/dead-letters/{eventId:guid}/replay"] = [PlatformRoles.MinistryOfficer],
        ["GET /api/v1/audit/registration/history/applications/{applicationId:guid}"] = [PlatformRoles.MinistryOfficer, PlatformRoles.Auditor],
        ["GET /api/v1/audit/registration/history/authorities/{authorityCode}"] = [PlatformRoles.MinistryOfficer, PlatformRoles.Auditor],
        ["GET /api/v1/audit/registration/history/users/{subject}"] = [PlatformRoles.MinistryOfficer, PlatformRoles.Auditor],
        ["GET /api/v1/audit/registration/event-chain"] = [PlatformRoles.MinistryOfficer, PlatformRoles.Auditor],
        ["POST /api/v1/audit/registration/events/{eventId:guid}/masking"] = [PlatformRoles.MinistryOfficer],
        ["GET /api/v1/audit/registration/projections"] = [PlatformRoles.MinistryOfficer],
        ["POST /api/v1/audit/registration/projections/{projection}/rebuilds"] = [PlatformRoles.MinistryOfficer],
        ["GET /api/v1/audit/registration/projections/{projection}/rebuilds/{rebuildId:guid}"] = [PlatformRoles.MinistryOfficer],
        ["GET /api/v1/audit/registration/applications/{applicationId:guid}/as-of"] = [PlatformRoles.MinistryOfficer, PlatformRoles.Auditor],
        ["POST /api/v1/applications/"] = [PlatformRoles.Applicant, PlatformRoles.CityAuthority],
        ["GET /api/v1/applications/{applicationId:guid}"] = [PlatformRoles.Applicant, PlatformRoles.CityAuthority,
            PlatformRoles.AuthorityOfficer, PlatformRoles.MinistryOfficer, PlatformRoles.Auditor],
        ["POST /api/v1/applications/{applicationId:guid}/submission"] = [PlatformRoles.Applicant, PlatformRoles.CityAuthority],
        ["GET /api/v1/demonstration-titles/"] = [PlatformRoles.Applicant, PlatformRoles.CityAuthority],
        ["GET /api/v1/applications/"] = [PlatformRoles.Applicant, PlatformRoles.CityAuthority,
            PlatformRoles.AuthorityOfficer, PlatformRoles.MinistryOfficer, PlatformRoles.Auditor],
        ["PUT /api/v1/applications/{applicationId:guid}/form"] = [PlatformRoles.Applicant, PlatformRoles.CityAuthority],
        ["POST /api/v1/applications/{applicationId:guid}/withdrawal"] = [PlatformRoles.Applicant, PlatformRoles.CityAuthority],
        ["POST /api/v1/applications/{applicationId:guid}/receipt-verification"] = [PlatformRoles.Applicant, PlatformRoles.CityAuthority,
            PlatformRoles.AuthorityOfficer, PlatformRoles.MinistryOfficer, PlatformRoles.Auditor],
        ["GET /api/v1/applications/{applicationId:guid}/form-document"] = [PlatformRoles.Applicant, PlatformRoles.CityAuthority,
            PlatformRoles.AuthorityOfficer, PlatformRoles.MinistryOfficer, PlatformRoles.Auditor],
        ["PUT /api/v1/applications/{applicationId:guid}/stamped-form"] = [PlatformRoles.Applicant, PlatformRoles.CityAuthority],
        ["GET /api/v1/applications/{applicationId:guid}/signed-documents/{document}"] = [PlatformRoles.Expert, PlatformRoles.MinistryOfficer],
        ["GET /api/v1/applications/{applicationId:guid}/stamped-form"] = [PlatformRoles.Applicant, PlatformRoles.CityAuthority,
            PlatformRoles.AuthorityOfficer, PlatformRoles.MinistryOfficer, PlatformRoles.Auditor],
        ["GET /api/v1/authorities/"] = [SignedIn],
        ["GET /api/v1/authorities/{authorityCode}/contact-person"] = [PlatformRoles.AuthorityOfficer, PlatformRoles.MinistryOfficer, PlatformRoles.Auditor],
        ["PUT /api/v1/authorities/{authorityCode}/contact-person"] = [PlatformRoles.AuthorityOfficer],
        ["GET /api/v1/campaigns/"] = [SignedIn],
        ["GET /api/v1/campaigns/current"] = [SignedIn],
        ["GET /api/v1/campaigns/{campaignId:guid}"] = [SignedIn],
        ["POST /api/v1/campaigns/"] = [PlatformRoles.MinistryOfficer],
        ["POST /api/v1/campaigns/{campaignId:guid}/closure"] = [PlatformRoles.MinistryOfficer],
        ["POST /api/v1/campaigns/{campaignId:guid}/deadline-exceptions"] = [PlatformRoles.MinistryOfficer],
    };

    [Fact]
    public Task EveryEndpointAnswersEachRoleAsTheTableSays() => VerifyAsync(app, Table);
}
