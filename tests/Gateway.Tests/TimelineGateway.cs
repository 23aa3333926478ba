using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.JsonWebTokens;
using ServiceManufacturing.ServiceDefaults.Identity;
using ServiceManufacturing.Tests.TestSupport;

namespace ServiceManufacturing.Tests.Gateway;

/// <summary>
/// The gateway in process with limits high enough for many calls, and the services' history endpoints answered by
/// <see cref="ServiceHistories"/>: as each service does, 401 without a token, 403 to a role other than the ministry's or an
/// auditor's, else the service's entries (<see cref="ServiceHistories.Entries"/>).
/// </summary>
public sealed class TimelineGateway : WebApplicationFactory<Program>
{
    public ServiceHistories Histories { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("Identity:Issuer", TestTokens.Issuer);
        builder.UseSetting("Identity:SigningPublicKey", TestTokens.PublicKeyPem);
        builder.UseSetting("RateLimits:PerAddress:PermitLimit", "100000");
        builder.UseSetting("RateLimits:PerUser:PermitLimit", "100000");
        builder.ConfigureServices(services => services.AddHttpClient("timeline").ConfigurePrimaryHttpMessageHandler(() => Histories));
    }

    public HttpClient ClientAs(CurrentUser? user) =>
        user is null ? CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false })
            : CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false }).As(user);
}

/// <summary>The four services' history endpoints, as the gateway's timeline calls them; it notes each request it gets.</summary>
public sealed class ServiceHistories : HttpMessageHandler
{
    /// <summary>What each service (by host name) answers an authorized caller, as JSON; <c>[]</c> when not set.</summary>
    public Dictionary<string, string> Entries { get; } = [];

    /// <summary>The services (by host name) that are down: a call to one fails as a refused connection does.</summary>
    public HashSet<string> Down { get; } = [];

    /// <summary>The services (by host name) whose history was cut at its limit (they say so in a header).</summary>
    public HashSet<string> Truncated { get; } = [];

    /// <summary>The addresses the gateway called.</summary>
    public List<Uri> Requested { get; } = [];

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        lock (Requested) Requested.Add(request.RequestUri!);
        if (Down.Contains(request.RequestUri!.Host)) throw new HttpRequestException("Connection refused");
        var role = request.Headers.Authorization is { Scheme: "Bearer", Parameter: { } token }
            && new JsonWebToken(token).TryGetPayloadValue<string>(PlatformClaims.Role, out var r) ? r : null;
        return Task.FromResult(role switch
        {
            null => Problem(HttpStatusCode.Unauthorized, "sign-in-required"),
            PlatformRoles.MinistryOfficer or PlatformRoles.Auditor => History(request.RequestUri!.Host),
            _ => Problem(HttpStatusCode.Forbidden, "forbidden"),
        });
    }

    HttpResponseMessage History(string service)
    {
        var response = new HttpResponseMessage(HttpStatusCode.OK)
        {
            Content = new StringContent(Entries.GetValueOrDefault(service, "[]"), Encoding.UTF8, "application/json"),
        };
        if (Truncated.Contains(service)) response.Headers.Add(ServiceManufacturing.ServiceDefaults.Audit.HistoryQuery.TruncatedHeader, "true");
        return response;
    }

    static HttpResponseMessage Problem(HttpStatusCode status, string code) => new(status)
    {
        Content = new StringContent($$"""{"type":"https://servicemanufacturing.miit.gov.cn/problems/{{code}}","title":"{{code}}","status":{{(int)status}},"code":"{{code}}"}""",
            Encoding.UTF8, new MediaTypeHeaderValue("application/problem+json")),
    };
}
