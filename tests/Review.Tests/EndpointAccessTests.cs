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
        ["GET /api/v1/audit/review/campaigns/{campaignId:guid}/categories/{category}/ranking/as-of"] = [PlatformRoles.MinistryOfficer, PlatformRoles.Auditor],
        ["POST /api/v1/audit/review/events/{eventId:guid}/masking"] = [PlatformRoles.MinistryOfficer],
        ["GET /api/v1/audit/review/projections"] = [PlatformRoles.MinistryOfficer],
        ["POST /api/v1/audit/review/projections/{projection}/rebuilds"] = [PlatformRoles.MinistryOfficer],
        ["GET /api/v1/audit/review/projections/{projection}/rebuilds/{rebuildId:guid}"] = [PlatformRoles.MinistryOfficer],
        ["GET /api/v1/operations/review/dead-letters/"] = [PlatformRoles.MinistryOfficer, PlatformRoles.Auditor],
        ["POST /api/v1/operations/review/dead-letters/{eventId:guid}/replay"] = [PlatformRoles.MinistryOfficer],
        ["GET /api/v1/review-cases/"] = [PlatformRoles.AuthorityOfficer, PlatformRoles.MinistryOfficer, PlatformRoles.Auditor],
        ["GET /api/v1/review-cases/{applicationId:guid}"] = [PlatformRoles.AuthorityOfficer, PlatformRoles.MinistryOfficer, PlatformRoles.Auditor, PlatformRoles.Expert],
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
        ["GET /api/v1/site-visits/"] = [PlatformRoles.AuthorityOfficer, PlatformRoles.MinistryOfficer, PlatformRoles.Expert, PlatformRoles.Auditor],
        ["GET /api/v1/site-visits/{applicationId:guid}"] = [PlatformRoles.AuthorityOfficer, PlatformRoles.MinistryOfficer, PlatformRoles.Expert, PlatformRoles.Auditor],
        ["POST /api/v1/site-visits/{applicationId:guid}/marking"] = [PlatformRoles.MinistryOfficer],
        ["POST /api/v1/site-visits/schedule-proposal"] = [PlatformRoles.MinistryOfficer],
        ["PUT /api/v1/site-visits/{applicationId:guid}"] = [PlatformRoles.MinistryOfficer],
        ["POST /api/v1/site-visits/{applicationId:guid}/report"] = [PlatformRoles.Expert],
        ["POST /api/v1/selection/public-notice"] = [PlatformRoles.MinistryOfficer],
        ["GET /api/v1/selection/public-notice"] = [Anonymous],
        ["POST /api/v1/selection/candidates/{applicationId:guid}/objections"] = [SignedIn],
        ["POST /api/v1/selection/candidates/{applicationId:guid}/objections/{objectionId:guid}/resolution"] = [PlatformRoles.MinistryOfficer],
        ["POST /api/v1/selection/candidates/{applicationId:guid}/decision"] = [PlatformRoles.MinistryOfficer],
        ["GET /api/v1/selection/candidates"] = [PlatformRoles.MinistryOfficer, PlatformRoles.Auditor],
        ["GET /api/v1/selection/cases/{applicationId:guid}"] = [PlatformRoles.MinistryOfficer, PlatformRoles.Auditor],
        ["GET /api/v1/selection/progress"] = [PlatformRoles.MinistryOfficer, PlatformRoles.Auditor],
        ["GET /api/v1/selection/progress/spreadsheet"] = [PlatformRoles.MinistryOfficer, PlatformRoles.Auditor],
        ["GET /api/v1/selection/final-list"] = [PlatformRoles.MinistryOfficer, PlatformRoles.Auditor],
        ["GET /api/v1/selection/final-list/spreadsheet"] = [PlatformRoles.MinistryOfficer, PlatformRoles.Auditor],
        ["GET /api/v1/expert-review/campaigns/{campaignId:guid}/settings"] = [PlatformRoles.MinistryOfficer, PlatformRoles.Auditor, PlatformRoles.Expert],
        ["PUT /api/v1/expert-review/campaigns/{campaignId:guid}/settings"] = [PlatformRoles.MinistryOfficer],
        ["POST /api/v1/expert-review/campaigns/{campaignId:guid}/categories/{category}/automatic-assignment"] = [PlatformRoles.MinistryOfficer],
        ["POST /api/v1/expert-review/applications/{applicationId:guid}/assignments"] = [PlatformRoles.MinistryOfficer],
        ["DELETE /api/v1/expert-review/applications/{applicationId:guid}/assignments/{expertSubject}"] = [PlatformRoles.MinistryOfficer],
        ["POST /api/v1/expert-review/applications/{applicationId:guid}/consensus"] = [PlatformRoles.MinistryOfficer],
        ["GET /api/v1/expert-review/my-assignments"] = [PlatformRoles.Expert],
        ["POST /api/v1/expert-review/applications/{applicationId:guid}/declaration"] = [PlatformRoles.Expert],
        ["GET /api/v1/expert-review/applications/{applicationId:guid}"] = [PlatformRoles.MinistryOfficer, PlatformRoles.Auditor, PlatformRoles.Expert],
        ["GET /api/v1/expert-review/applications/{applicationId:guid}/scores"] = [PlatformRoles.MinistryOfficer, PlatformRoles.Auditor, PlatformRoles.Expert],
        ["PUT /api/v1/expert-review/applications/{applicationId:guid}/my-scores"] = [PlatformRoles.Expert],
        ["POST /api/v1/expert-review/applications/{applicationId:guid}/document-links"] = [PlatformRoles.Expert, PlatformRoles.MinistryOfficer],
        ["GET /api/v1/expert-review/campaigns/{campaignId:guid}/progress"] = [PlatformRoles.MinistryOfficer, PlatformRoles.Auditor],
        ["GET /api/v1/expert-review/campaigns/{campaignId:guid}/categories/{category}/ranking"] = [PlatformRoles.MinistryOfficer, PlatformRoles.Auditor],
        ["GET /api/v1/expert-review/campaigns/{campaignId:guid}/categories/{category}/ranking-table"] = [PlatformRoles.MinistryOfficer, PlatformRoles.Auditor],
    };

    [Fact]
    public Task EveryEndpointAnswersEachRoleAsTheTableSays() => VerifyAsync(app, Table);
}
