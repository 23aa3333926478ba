using System.Net;
using System.Net.Http.Headers;
using System.Text;
using ServiceManufacturing.ServiceDefaults.Http;
using ServiceManufacturing.Tests.TestSupport;

namespace ServiceManufacturing.Tests.Registration;

/// <summary>Registration validates every token itself: issuer's key, expiry within the clock skew, integrity.</summary>
public class TokenValidationTests(RegistrationApp app) : IClassFixture<RegistrationApp>
{
    public static TheoryData<string, string?> BadTokens => new()
    {
        { "no token", null },
        { "expired beyond the clock skew", TestTokens.For(TestUsers.Applicant, TimeSpan.FromMinutes(15), DateTime.UtcNow.AddMinutes(-17)) },
        { "signed by another key", TestTokens.For(TestUsers.Applicant, signingKey: System.Security.Cryptography.RSA.Create(2048)) },
        { "tampered", TestTokens.For(TestUsers.Applicant)[..^4] + "AAAA" },
    };

    [Theory]
    [MemberData(nameof(BadTokens))]
    public async Task ARequestWithoutAValidTokenGets401(string what, string? token)
    {
        var anonymous = app.CreateClient();
        if (token is not null) anonymous.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);

        var response = await anonymous.PostAsync("/api/v1/applications", new StringContent(Body, Encoding.UTF8, "application/json"));

        await ApiJson.AssertProblemAsync(response, HttpStatusCode.Unauthorized, PlatformRules.SignInRequired.Code);
        Assert.False(string.IsNullOrEmpty(what));
    }

    [Fact]
    public async Task ATokenJustPastItsExpiryIsStillAcceptedWithinTheClockSkew()
    {
        var late = app.CreateClient();
        late.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer",
            TestTokens.For(TestUsers.Applicant, TimeSpan.FromMinutes(15), DateTime.UtcNow.AddMinutes(-15.5)));

        Assert.Equal(HttpStatusCode.Created, (await late.PostAsync("/api/v1/applications",
            new StringContent(Body, Encoding.UTF8, "application/json"))).StatusCode);
    }

    const string Body = """{"category":"enterprise","organisationName":"深圳某某智能制造有限公司","creditCode":"914403001922038216","authorityCode":"440300"}""";
}
