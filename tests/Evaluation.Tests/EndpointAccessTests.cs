using ServiceManufacturing.ServiceDefaults.Identity;
using ServiceManufacturing.Tests.TestSupport;
using static ServiceManufacturing.Tests.TestSupport.EndpointAccess;

namespace ServiceManufacturing.Tests.Evaluation;

public class EndpointAccessTests(EvaluationApp app) : IClassFixture<EvaluationApp>
{
    /// <summary>A demonstration's own accounts: its organisation's verified members, or the city's account.</summary>
    static readonly string[] Owners = [PlatformRoles.Applicant, PlatformRoles.CityAuthority];

    static readonly string[] Readers = [PlatformRoles.AuthorityOfficer, PlatformRoles.MinistryOfficer, PlatformRoles.Auditor];

    /// <summary>Who may call each of Evaluation's endpoints. A new endpoint fails the test until it is added here.</summary>
    static readonly Dictionary<string, string[]> Table = new()
    {
        ["GET /alive"] = [Anonymous],
        ["GET /health"] = [Anonymous],
        ["GET /openapi/{documentName}.json"] = [Anonymous],
        ["GET /api/v1/audit/evaluation/history/applications/{applicationId:guid}"] = [PlatformRoles.MinistryOfficer, PlatformRoles.Auditor],
        ["GET /api/v1/audit/evaluation/history/authorities/{authorityCode}"] = [PlatformRoles.MinistryOfficer, PlatformRoles.Auditor],
        ["GET /api/v1/audit/evaluation/history/users/{subject}"] = [PlatformRoles.MinistryOfficer, PlatformRoles.Auditor],
        ["GET /api/v1/audit/evaluation/event-chain"] = [PlatformRoles.MinistryOfficer, PlatformRoles.Auditor],
        ["POST /api/v1/audit/evaluation/events/{eventId:guid}/masking"] = [PlatformRoles.MinistryOfficer],
        ["GET /api/v1/audit/evaluation/projections"] = [PlatformRoles.MinistryOfficer],
        ["POST /api/v1/audit/evaluation/projections/{projection}/rebuilds"] = [PlatformRoles.MinistryOfficer],
        ["GET /api/v1/audit/evaluation/projections/{projection}/rebuilds/{rebuildId:guid}"] = [PlatformRoles.MinistryOfficer],
        ["GET /api/v1/operations/evaluation/dead-letters/"] = [PlatformRoles.MinistryOfficer, PlatformRoles.Auditor],
        ["POST /api/v1/operations/evaluation/dead-letters/{eventId:guid}/replay"] = [PlatformRoles.MinistryOfficer],
        ["POST /api/v1/demonstrations/"] = [PlatformRoles.MinistryOfficer],
        ["GET /api/v1/demonstrations/"] = Readers,
        ["GET /api/v1/demonstrations/{demonstrationId:guid}"] = [.. Owners, .. Readers],
        ["GET /api/v1/demonstrations/own"] = Owners,
        ["POST /api/v1/demonstrations/{demonstrationId:guid}/correction"] = [PlatformRoles.MinistryOfficer],
        ["POST /api/v1/demonstrations/{demonstrationId:guid}/withdrawal"] = [PlatformRoles.MinistryOfficer],
        ["POST /api/v1/roster-imports/"] = [PlatformRoles.MinistryOfficer],
        ["GET /api/v1/roster-imports/{importId:guid}"] = [PlatformRoles.MinistryOfficer, PlatformRoles.Auditor],
        ["GET /api/v1/roster-imports/{importId:guid}/errors"] = [PlatformRoles.MinistryOfficer, PlatformRoles.Auditor],
        ["GET /api/v1/demonstrations/{demonstrationId:guid}/filing"] = [.. Owners, .. Readers],
        ["PUT /api/v1/demonstrations/{demonstrationId:guid}/filing"] = [.. Owners, PlatformRoles.AuthorityOfficer],
        ["POST /api/v1/demonstrations/{demonstrationId:guid}/filing/documents"] = [.. Owners, PlatformRoles.AuthorityOfficer],
        ["GET /api/v1/demonstrations/{demonstrationId:guid}/filing/documents/{documentId:guid}"] = [.. Owners, .. Readers],
        ["POST /api/v1/demonstrations/{demonstrationId:guid}/filing/submission"] = [.. Owners, PlatformRoles.AuthorityOfficer],
        ["POST /api/v1/demonstrations/filing-receipt-verification"] = [.. Owners, .. Readers],
        ["POST /api/v1/demonstrations/{demonstrationId:guid}/filing/acknowledgement"] = [PlatformRoles.MinistryOfficer],
        ["POST /api/v1/demonstrations/{demonstrationId:guid}/filing/return"] = [PlatformRoles.MinistryOfficer],
        ["POST /api/v1/demonstrations/{demonstrationId:guid}/filing/explanation"] = [PlatformRoles.AuthorityOfficer],
        ["GET /api/v1/demonstrations/progress"] = Readers,
        ["POST /api/v1/demonstrations/{demonstrationId:guid}/outcome"] = [PlatformRoles.MinistryOfficer],
        ["GET /api/v1/demonstrations/outcomes"] = Readers,
    };

    [Fact]
    public Task EveryEndpointAnswersEachRoleAsTheTableSays() => VerifyAsync(app, Table);
}
