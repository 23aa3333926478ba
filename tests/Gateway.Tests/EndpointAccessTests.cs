using Microsoft.AspNetCore.Routing;
using ServiceManufacturing.ServiceDefaults.Identity;
using ServiceManufacturing.Tests.TestSupport;
using static ServiceManufacturing.Tests.TestSupport.EndpointAccess;

namespace ServiceManufacturing.Tests.Gateway;

/// <summary>
/// Who may call the gateway's own endpoints (the routes it proxies are each service's to decide, in their own tables).
/// The timeline asks each service with the caller's token, so its refusals are the services' own, relayed as given.
/// </summary>
public class EndpointAccessTests(TimelineGateway gateway) : IClassFixture<TimelineGateway>
{
    /// <summary>Who may call each of the gateway's own endpoints. A new endpoint fails the test until it is added here.</summary>
    static readonly Dictionary<string, string[]> Table = new()
    {
        ["GET /alive"] = [Anonymous],
        ["GET /health"] = [Anonymous],
        ["GET /openapi/gateway.json"] = [Anonymous],
        ["GET /api-reference/{documentName?}"] = [Anonymous],
        ["GET /api-reference/favicon.svg"] = [Anonymous],
        ["GET /api-reference/scalar.aspnetcore.js"] = [Anonymous],
        ["GET /api-reference/scalar.js"] = [Anonymous],
        ["GET /api/v1/audit/timeline/{kind}/{key}"] = [PlatformRoles.MinistryOfficer, PlatformRoles.Auditor],
    };

    [Fact]
    public Task EveryEndpointOfTheGatewayItselfAnswersEachRoleAsTheTableSays() =>
        VerifyAsync(gateway.Services, gateway.ClientAs, Table,
            include: endpoint => endpoint.Metadata.GetMetadata<Yarp.ReverseProxy.Model.RouteModel>() is null,
            routeValues: new Dictionary<string, string> { ["kind"] = "applications", ["key"] = Guid.CreateVersion7().ToString() });
}
