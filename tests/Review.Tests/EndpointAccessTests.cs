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
        ["GET /api/v1/review-cases/"] = [PlatformRoles.AuthorityOfficer, PlatformRoles.MinistryOfficer, PlatformRoles.Auditor],
        ["GET /api/v1/review-cases/{applicationId:guid}"] = [PlatformRoles.AuthorityOfficer, PlatformRoles.MinistryOfficer, PlatformRoles.Auditor],
    };

    [Fact]
    public Task EveryEndpointAnswersEachRoleAsTheTableSays() => VerifyAsync(app, Table);
}
