using ServiceManufacturing.ServiceDefaults.Identity;
using ServiceManufacturing.Tests.TestSupport;
using static ServiceManufacturing.Tests.TestSupport.EndpointAccess;

namespace ServiceManufacturing.Tests.Evaluation;

public class EndpointAccessTests(EvaluationApp app) : IClassFixture<EvaluationApp>
{
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
        ["POST /api/v1/audit/evaluation/projections/{projection}/rebuild"] = [PlatformRoles.MinistryOfficer],
        ["GET /api/v1/operations/evaluation/dead-letters/"] = [PlatformRoles.MinistryOfficer, PlatformRoles.Auditor],
        ["POST /api/v1/operations/evaluation/dead-letters/{eventId:guid}/replay"] = [PlatformRoles.MinistryOfficer],
        ["POST /api/v1/demonstrations/"] = [PlatformRoles.MinistryOfficer],
        ["GET /api/v1/demonstrations/"] = [PlatformRoles.AuthorityOfficer, PlatformRoles.MinistryOfficer, PlatformRoles.Auditor],
        ["GET /api/v1/demonstrations/{demonstrationId:guid}"] = [PlatformRoles.AuthorityOfficer, PlatformRoles.MinistryOfficer, PlatformRoles.Auditor],
    };

    [Fact]
    public Task EveryEndpointAnswersEachRoleAsTheTableSays() => VerifyAsync(app, Table);
}
