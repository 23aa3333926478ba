using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ServiceManufacturing.Tests.TestSupport;

namespace ServiceManufacturing.Tests.Identity;

/// <summary>What a front-end learns from the identity provider itself: its discovery document and its refusals.</summary>
public class FrontEndSignInTests(IdentityApp app) : IClassFixture<IdentityApp>
{
    [Fact]
    public async Task TheDiscoveryDocumentListsTheClaimsAFrontEndReadsAndOffersOnlyS256Pkce()
    {
        var discovery = await app.CreateClient().GetFromJsonAsync<JsonElement>("/.well-known/openid-configuration");
        var claims = discovery.GetProperty("claims_supported").EnumerateArray().Select(c => c.GetString()).ToList();
        Assert.Superset(new HashSet<string?> { "sub", "name", "role", "authority", "credit_code", "city" }, claims.ToHashSet());
        Assert.Equal(["S256"], discovery.GetProperty("code_challenge_methods_supported").EnumerateArray().Select(m => m.GetString()));
    }

    [Fact]
    public async Task AnUnregisteredRedirectUriIsExplainedInChineseAndEnglishWithWhereAnOperatorRegistersIt()
    {
        var response = await app.CreateClient().GetAsync("/connect/authorize?client_id=servicemanufacturing-web" +
            "&redirect_uri=" + Uri.EscapeDataString("http://localhost:9999/not-registered") +
            "&response_type=code&scope=openid%20api&code_challenge=E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM&code_challenge_method=S256");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var page = await response.Content.ReadAsStringAsync();
        Assert.Contains("未为客户端", page);
        Assert.Contains("is not registered for the client", page);
        Assert.Contains("Identity:Clients:servicemanufacturing-web:RedirectUris", page);
    }

    [Fact]
    public async Task SelfRegistrationNeedsACreditCodeAndAlwaysMakesAnApplicant()
    {
        var refused = await app.CreateClient().PostAsJsonAsync("/api/v1/accounts/applicants",
            new { userName = "no.credit.code", password = "Password-123456", displayName = "某公司" });
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.True((await refused.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("creditCode", out _));

        var registered = await app.CreateClient().PostAsJsonAsync("/api/v1/accounts/applicants", new
        {
            userName = "self.registered", password = "Password-123456", displayName = "深圳某某公司", creditCode = "914403001922038216",
        });
        Assert.Equal(HttpStatusCode.Created, registered.StatusCode);
        var account = await registered.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("applicant", account.GetProperty("role").GetString());
        Assert.Equal(JsonValueKind.Null, account.GetProperty("authorityCode").ValueKind);
        Assert.NotNull(registered.Headers.ETag);
    }
}
