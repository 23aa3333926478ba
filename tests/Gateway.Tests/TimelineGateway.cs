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

    /// <summary>The addresses the gateway called.</summary>
    public List<Uri> Requested { get; } = [];

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        lock (Requested) Requested.Add(request.RequestUri!);
        var role = request.Headers.Authorization is { Scheme: "Bearer", Parameter: { } token }
            && new JsonWebToken(token).TryGetPayloadValue<string>(PlatformClaims.Role, out var r) ? r : null;
        return Task.FromResult(role switch
        {
            null => Problem(HttpStatusCode.Unauthorized, "sign-in-required"),
            PlatformRoles.MinistryOfficer or PlatformRoles.Auditor => new HttpResponseMessage(HttpStatusCode.OK)
            {
                Content = new StringContent(Entries.GetValueOrDefault(request.RequestUri!.Host, "[]"), Encoding.UTF8, "application/json"),
            },
            _ => Problem(HttpStatusCode.Forbidden, "forbidden"),
        });
    }

    static HttpResponseMessage Problem(HttpStatusCode status, string code) => new(status)
    {
        Content = new StringContent($$"""{"type":"https://servicemanufacturing.miit.gov.cn/problems/{{code}}","title":"{{code}}","status":{{(int)status}},"code":"{{code}}"}""",
            Encoding.UTF8, new MediaTypeHeaderValue("application/problem+json")),
    };
}
