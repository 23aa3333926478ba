using ServiceManufacturing.ServiceDefaults.Identity;
using ServiceManufacturing.Tests.TestSupport;
using static ServiceManufacturing.Tests.TestSupport.EndpointAccess;

namespace ServiceManufacturing.Tests.Review;

public class EndpointAccessTests(ReviewApp app) : IClassFixture<ReviewApp>
{
    /// <summary>Who may call each of Review's endpoints. A new endpoint fails the test until it is added here.</summary>
    static readonly Dictionary<string, string[]> Table = new()
    {
        ["GET /alive"] = [Anonymous],
        ["GET /health"] = [Anonymous],
        ["GET /openapi/{documentName}.json"] = [Anonymous],
        ["GET /api/v1/audit/review/history/applications/{applicationId:guid}"] = [PlatformRoles.MinistryOfficer, PlatformRoles.Auditor],
        ["GET /api/v1/audit/review/history/authorities/{authorityCode}"] = [PlatformRoles.MinistryOfficer, PlatformRoles.Auditor],
        ["GET /api/v1/audit/review/history/users/{subject}"] = [PlatformRoles.MinistryOfficer, PlatformRoles.Auditor],
        ["GET /api/v1/audit/review/authorities/{authorityCode}/as-of"] = [PlatformRoles.MinistryOfficer, PlatformRoles.Auditor],
        ["GET /api/v1/audit/review/event-chain"] = [PlatformRoles.MinistryOfficer, PlatformRoles.Auditor],
        ["POST /api/v1/audit/review/projections/{projection}/rebuild"] = [PlatformRoles.MinistryOfficer],
        ["GET /api/v1/operations/review/dead-letters/"] = [PlatformRoles.MinistryOfficer, PlatformRoles.Auditor],
        ["POST /api/v1/operations/review/dead-letters/{eventId:guid}/replay"] = [PlatformRoles.MinistryOfficer],
        ["GET /api/v1/review-cases/"] = [PlatformRoles.AuthorityOfficer, PlatformRoles.MinistryOfficer, PlatformRoles.Auditor],
        ["GET /api/v1/review-cases/{applicationId:guid}"] = [PlatformRoles.AuthorityOfficer, PlatformRoles.MinistryOfficer, PlatformRoles.Auditor],
        ["POST /api/v1/review-cases/{applicationId:guid}/initial-review"] = [PlatformRoles.AuthorityOfficer],
        ["GET /api/v1/packages/"] = [PlatformRoles.AuthorityOfficer, PlatformRoles.MinistryOfficer, PlatformRoles.Auditor],
        ["PUT /api/v1/packages/summary-table-scan"] = [PlatformRoles.AuthorityOfficer],
        ["GET /api/v1/packages/{authorityCode}"] = [PlatformRoles.AuthorityOfficer, PlatformRoles.MinistryOfficer, PlatformRoles.Auditor],
        ["GET /api/v1/packages/{authorityCode}/summary-table-scan"] = [PlatformRoles.AuthorityOfficer, PlatformRoles.MinistryOfficer, PlatformRoles.Auditor],
        ["POST /api/v1/packages/submission"] = [PlatformRoles.AuthorityOfficer],
        ["POST /api/v1/packages/receipt-verification"] = [PlatformRoles.AuthorityOfficer, PlatformRoles.MinistryOfficer, PlatformRoles.Auditor],
        ["POST /api/v1/packages/{authorityCode}/acknowledgement"] = [PlatformRoles.MinistryOfficer],
        ["POST /api/v1/packages/{authorityCode}/return"] = [PlatformRoles.MinistryOfficer],
        ["GET /api/v1/recommendations/summary-table"] = [PlatformRoles.AuthorityOfficer, PlatformRoles.MinistryOfficer, PlatformRoles.Auditor],
        ["GET /api/v1/recommendations/"] = [PlatformRoles.AuthorityOfficer, PlatformRoles.MinistryOfficer, PlatformRoles.Auditor],
        ["POST /api/v1/recommendations/"] = [PlatformRoles.AuthorityOfficer],
        ["DELETE /api/v1/recommendations/{applicationId:guid}"] = [PlatformRoles.AuthorityOfficer],
        ["PUT /api/v1/recommendations/{kind}/order"] = [PlatformRoles.AuthorityOfficer],
    };

    [Fact]
    public Task EveryEndpointAnswersEachRoleAsTheTableSays() => VerifyAsync(app, Table);
}
