using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Aspire.Hosting.Testing;
using Npgsql;

namespace ServiceManufacturing.Tests.EndToEnd;

[Collection(WholeSystemCollection.Name)]
public class IdentityTests(WholeSystem system)
{
    public static TheoryData<string, string> DevelopmentUsers => new()
    {
        { "ministry-admin", "ministry-officer" },
        { "officer.hebei", "authority-officer" },
        { "officer.shenzhen", "authority-officer" },
        { "city.ningbo", "city-authority" },
        { "expert.zhang", "expert" },
        { "auditor.li", "auditor" },
        { "applicant.shenzhen", "applicant" },
    };

    [Theory]
    [MemberData(nameof(DevelopmentUsers))]
    public async Task EachRoleSignsInThroughTheAuthorizationCodeFlowAndGetsAShortLivedToken(string userName, string role)
    {
        var tokens = await SignIn.AsAsync(system.GatewayAddress, userName,
            userName == "ministry-admin" ? "Ministry-Admin-2023" : SignIn.DevelopmentPassword);

        var claims = SignIn.Claims(tokens.AccessToken);
        Assert.Equal(role, claims.GetProperty("role").GetString());
        Assert.Equal("servicemanufacturing-api", claims.GetProperty("aud").GetString());
        Assert.InRange(claims.GetProperty("exp").GetInt64() - claims.GetProperty("iat").GetInt64(), 1, 15 * 60);
        Assert.NotNull(tokens.RefreshToken);
        Assert.NotNull(tokens.IdToken);
    }

    [Fact]
    public async Task ARefreshRotatesTheRefreshToken()
    {
        var tokens = await SignIn.AsAsync(system.GatewayAddress, "expert.zhang");

        var refreshed = await SignIn.RefreshAsync(system.GatewayAddress, tokens.RefreshToken!);

        Assert.NotEqual(tokens.RefreshToken, refreshed.RefreshToken);
        Assert.Equal("expert", SignIn.Claims(refreshed.AccessToken).GetProperty("role").GetString());
    }

    [Fact]
    public async Task AMachineClientGetsAReadOnlyTokenByClientCredentials()
    {
        var tokens = await SignIn.ClientCredentialsAsync(system.GatewayAddress, "servicemanufacturing-reporting", "reporting-dev-secret");
        using var reporting = SignIn.Bearer(system.GatewayAddress, tokens);

        Assert.Equal(HttpStatusCode.OK, (await reporting.GetAsync("/api/v1/review-cases")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await reporting.PostAsJsonAsync("/api/v1/demonstrations",
            new { batch = 1, category = "city", name = "青岛市", authorityCode = "370200" })).StatusCode);
    }

    [Fact]
    public async Task AnotherAuthoritysOfficerCannotReadTheCaseThroughTheGatewayNorDirectlyAtTheService()
    {
        var applicant = await system.ClientAsync("applicant.shenzhen");
        var shenzhen = await system.ClientAsync("officer.shenzhen");
        var hebei = await system.ClientAsync("officer.hebei");
        var id = await Api.CreateAndSubmitAsync(applicant, "深圳某某精密制造有限公司");
        await Api.WaitForReviewCaseAsync(shenzhen, id, TimeSpan.FromSeconds(60));

        Assert.Equal(HttpStatusCode.NotFound, (await hebei.GetAsync($"/api/v1/review-cases/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await hebei.GetAsync($"/api/v1/applications/{id}")).StatusCode);

        // The same token straight at the Review service, bypassing the gateway: the service decides alone.
        using var direct = system.App.CreateHttpClient("review");
        direct.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", system.TokensOf("officer.hebei").AccessToken);
        Assert.Equal(HttpStatusCode.NotFound, (await direct.GetAsync($"/api/v1/review-cases/{id}")).StatusCode);
        direct.DefaultRequestHeaders.Authorization = null;
        Assert.Equal(HttpStatusCode.Unauthorized, (await direct.GetAsync($"/api/v1/review-cases/{id}")).StatusCode);
        direct.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Tampered(system.TokensOf("officer.shenzhen").AccessToken));
        Assert.Equal(HttpStatusCode.Unauthorized, (await direct.GetAsync($"/api/v1/review-cases/{id}")).StatusCode);
    }

    [Fact]
    public async Task ATamperedTokenGets401AtTheGateway()
    {
        var tokens = await SignIn.AsAsync(system.GatewayAddress, "auditor.li");
        using var client = SignIn.Bearer(system.GatewayAddress, tokens with { AccessToken = Tampered(tokens.AccessToken) });

        var response = await client.GetAsync("/api/v1/review-cases");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("sign-in-required", (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString());
    }

    [Fact]
    public async Task FiveWrongPasswordsLockTheAccountAndEveryAttemptIsRecorded()
    {
        var registered = await system.Gateway.PostAsJsonAsync("/api/v1/accounts/applicants", new
        {
            userName = "lockout.test", password = "Correct-Horse-42", displayName = "北京某某科技有限公司", creditCode = "91110000600037341L",
        });
        Assert.Equal(HttpStatusCode.Created, registered.StatusCode);

        for (var i = 0; i < 5; i++)
            await Assert.ThrowsAnyAsync<Exception>(() => SignIn.AsAsync(system.GatewayAddress, "lockout.test", "Wrong-Password-1"));
        await Assert.ThrowsAnyAsync<Exception>(() => SignIn.AsAsync(system.GatewayAddress, "lockout.test", "Correct-Horse-42"));

        await using var identity = await system.OpenDatabaseAsync("identitydb");
        await using var events = new NpgsqlCommand(
            "select type from public.mt_events e join public.mt_doc_accountdetails a on a.id = e.stream_id " +
            "where a.data ->> 'userName' = 'lockout.test' order by e.version", identity);
        var types = new List<string>();
        await using (var reader = await events.ExecuteReaderAsync())
            while (await reader.ReadAsync()) types.Add(reader.GetString(0));
        Assert.Equal(["account_registered", "sign_in_failed", "sign_in_failed", "sign_in_failed", "sign_in_failed",
            "sign_in_failed", "account_locked_out", "sign_in_refused_while_locked_out"], types);
    }

    [Fact]
    public async Task ABurstPastThePerUserLimitGets429WithRetryAfterAndLosesNothing()
    {
        const string creditCode = "91440101MA5CX12346";
        var registered = await system.Gateway.PostAsJsonAsync("/api/v1/accounts/applicants", new
        {
            userName = "burst.test", password = "Burst-Test-2023", displayName = "广州某某装备有限公司", creditCode,
        });
        Assert.Equal(HttpStatusCode.Created, registered.StatusCode);
        using var applicant = await system.ClientAsync("burst.test", "Burst-Test-2023");

        var responses = await Task.WhenAll(Enumerable.Range(0, WholeSystem.PerUserLimit + 20).Select(i =>
            applicant.PostAsJsonAsync("/api/v1/applications",
                new { category = "enterprise", organisationName = $"广州某某装备有限公司 {i}", creditCode, authorityCode = "440000" })));

        var created = responses.Where(r => r.StatusCode == HttpStatusCode.Created).ToList();
        var limited = responses.Where(r => r.StatusCode == HttpStatusCode.TooManyRequests).ToList();
        Assert.Equal(responses.Length, created.Count + limited.Count);
        Assert.NotEmpty(limited);
        Assert.All(limited, r => Assert.True(r.Headers.RetryAfter?.Delta > TimeSpan.Zero));
        // Every accepted draft is stored, and nothing refused is.
        await using var registration = await system.OpenDatabaseAsync("registrationdb");
        await using var count = new NpgsqlCommand(
            "select count(*) from public.mt_events where type = 'application_draft_created' and data ->> 'organisationName' like '广州某某装备有限公司 %'",
            registration);
        Assert.Equal((long)created.Count, (long)(await count.ExecuteScalarAsync())!);
    }

    static string Tampered(string jwt)
    {
        var parts = jwt.Split('.');
        var payload = Convert.FromBase64String(Pad(parts[1].Replace('-', '+').Replace('_', '/')));
        var text = System.Text.Encoding.UTF8.GetString(payload).Replace("\"authority-officer\"", "\"ministry-officer\"")
            .Replace("\"auditor\"", "\"ministry-officer\"");
        parts[1] = Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(text)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        return string.Join('.', parts);
    }

    static string Pad(string base64) => base64.PadRight(base64.Length + (4 - base64.Length % 4) % 4, '=');
}
