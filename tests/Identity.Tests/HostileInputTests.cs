using System.Net;
using System.Text.RegularExpressions;
using ServiceManufacturing.Tests.TestSupport;
using Xunit.Abstractions;
using ServiceManufacturing.Tests.TestSupport.Hostile;

namespace ServiceManufacturing.Tests.Identity;

/// <summary>Runs alone: the check that a refusal stores nothing counts every event of the service's store.</summary>
[CollectionDefinition(nameof(HostileInputTests), DisableParallelization = true)]
public sealed class HostileInputCollection;

[Collection(nameof(HostileInputTests))]
public partial class HostileInputTests(IdentityApp app, ITestOutputHelper output) : IClassFixture<IdentityApp>
{
    const string Client = "servicemanufacturing-web";
    const string RedirectUri = "http://localhost:5173/callback";

    static readonly Dictionary<string, string[]> Hints = new()
    {
        ["creditCode"] = [TestUsers.ShenzhenCreditCode, "91110000600037341X"],
        ["userName"] = ["ministry-admin", "applicant.hostile", "Applicant.Hostile"],
        ["password"] = ["Strong-Password-1", IdentityApp.AdministratorPassword, "short"],
        ["currentPassword"] = [IdentityApp.AdministratorPassword, "wrong"],
        ["newPassword"] = ["Strong-Password-2", "short"],
        ["role"] = ["applicant", "expert", "ministry-officer", "APPLICANT", "applicant "],
        ["authorityCode"] = ["440300", "130000"],
    };

    [Fact]
    public async Task NoGeneratedHostileRequestIsAnswered5xxAndNoRefusalStoresAnything()
    {
        var run = await HostileInput.RunAsync(app, HostileInput.Scaled(1700), seed: 8, Hints);

        output.WriteLine(run.ToString());
        run.AssertNoFailures();
    }

    /// <summary>
    /// The OpenID Connect endpoints and the sign-in page are not in the OpenAPI document: a hand-written set of hostile
    /// requests for them. Their refusals follow their protocols (OAuth error JSON, the sign-in page again), so they
    /// need not be problems; a failed sign-in is stored on purpose (SignInFailed counts towards the lock-out).
    /// </summary>
    [Fact]
    public async Task NoHostileSignInOrOpenIdConnectRequestIsAnswered5xx()
    {
        var requests = (await SignInRequestsAsync()).Concat(TokenRequests()).Concat(AuthorizeRequests()).ToList();
        Assert.True(requests.Count >= 350, $"only {requests.Count} requests");

        var run = await HostileInput.SendAsync(app, requests, requireProblem: false,
            mayStoreOnRefusal: r => r.Method == "POST" && r.Target.StartsWith("/account/sign-in"));

        output.WriteLine(run.ToString());
        run.AssertNoFailures();
    }

    [Theory]
    [InlineData("/connect/token", "grant_type=client_credentials&client_id=servicemanufacturing-web%00", "client_id")]
    [InlineData("/connect/token", "grant_type=client_credentials%00&client_id=servicemanufacturing-web", "grant_type")]
    [InlineData("/connect/authorize", "response_type=code&client_id=servicemanufacturing-web&state=%01", "state")]
    [InlineData("/account/sign-in", "userName=ministry-admin%00&password=x", "userName")]
    public async Task ANulInAnOpenIdConnectOrSignInFormIsAProblemNamingTheField(string path, string form, string field)
    {
        var before = await app.EventCountAsync();

        var response = await app.RawClient().PostAsync(path,
            new StringContent(form, System.Text.Encoding.UTF8, "application/x-www-form-urlencoded"));

        var problem = await ApiJson.AssertProblemAsync(response, HttpStatusCode.BadRequest, "validation");
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), problem.ToString());
        Assert.Equal(before, await app.EventCountAsync());
    }

    [Fact]
    public async Task ANulInTheAuthorizeQueryIsAProblemNamingTheParameter()
    {
        var response = await app.RawClient().GetAsync($"/connect/authorize?response_type=code&client_id={Client}%00");

        var problem = await ApiJson.AssertProblemAsync(response, HttpStatusCode.BadRequest, "validation");
        Assert.True(problem.GetProperty("errors").TryGetProperty("client_id", out _), problem.ToString());
    }

    static readonly string[] Texts =
        ["", "x", "\0", "a\0b", "\u0001", "\u001b", "\u007f", "\u0085", "\t", "\r\n", "\ud800", new string('a', 20_000), "' or 1=1 --", "%00", "😀"];

    static readonly string[] ReturnUrls =
        ["/", "/connect/authorize?client_id=x", "//evil.example", "/\\evil.example", "http://evil.example", "javascript:alert(1)",
         "/\0", "/\t/evil.example", "/\r\nSet-Cookie: a=b", "/\u0001", "/%00", "/" + new string('a', 10_000), "\\\\evil", "/\u202e"];

    async Task<IEnumerable<HostileRequest>> SignInRequestsAsync()
    {
        var page = await app.RawClient().GetAsync("/account/sign-in");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var html = await page.Content.ReadAsStringAsync();
        var token = WebUtility.HtmlDecode(AntiforgeryField().Match(html).Groups[1].Value);
        var cookie = string.Join("; ", page.Headers.GetValues("Set-Cookie").Select(c => c.Split(';')[0]));
        var headers = new Dictionary<string, string> { ["Cookie"] = cookie };
        var requests = new List<HostileRequest>();
        foreach (var returnUrl in ReturnUrls)
            requests.Add(new("GET", "/account/sign-in?returnUrl=" + Uri.EscapeDataString(returnUrl), null, null, null, "returnUrl"));
        // After a good password first (before the failures below lock the account out for a while).
        foreach (var returnUrl in ReturnUrls)
            requests.Add(Form("/account/sign-in", [("__RequestVerificationToken", token), ("userName", "ministry-admin"),
                ("password", IdentityApp.AdministratorPassword), ("returnUrl", returnUrl)], "sign-in, good password", headers));
        foreach (var userName in new[] { "ministry-admin", "nobody" }.Concat(Texts))
            foreach (var (password, returnUrl) in new[] { IdentityApp.AdministratorPassword, "wrong" }.Concat(Texts.Take(6))
                         .Zip(ReturnUrls.Concat(ReturnUrls)))
                requests.Add(Form("/account/sign-in", [("__RequestVerificationToken", token), ("userName", userName), ("password", password),
                    ("returnUrl", returnUrl)], "sign-in", headers));
        requests.Add(Form("/account/sign-in", [("userName", "ministry-admin"), ("password", "x")], "no antiforgery token"));
        requests.Add(new("POST", "/account/sign-in", "multipart/form-data; boundary=x", HostileRequest.Utf8("--x\r\n\0"), null, "malformed form", headers));
        return requests;
    }

    static IEnumerable<HostileRequest> TokenRequests()
    {
        var grants = new[] { "client_credentials", "authorization_code", "refresh_token", "password", "", "CLIENT_CREDENTIALS", "client_credentials\0", "urn:x" };
        var clients = new[] { Client, "", "unknown", "x\0", new string('c', 5000) };
        var values = new[] { "abc", "", "\0", new string('v', 50_000), "%00", "\u0001" };
        var index = 0;
        foreach (var grant in grants)
            foreach (var client in clients)
            {
                var value = values[index++ % values.Length];
                yield return Form("/connect/token", [("grant_type", grant), ("client_id", client), ("code", value), ("code_verifier", value),
                    ("redirect_uri", RedirectUri), ("refresh_token", value), ("scope", "openid api " + value), ("client_secret", value)], "token");
            }
        yield return Form("/connect/token", [("grant_type", "client_credentials"), ("grant_type", "authorization_code")], "duplicate parameter");
        yield return new("POST", "/connect/token", "application/json", HostileRequest.Utf8("{\"grant_type\":\"client_credentials\"}"), null, "json");
        yield return new("POST", "/connect/token", "application/x-www-form-urlencoded", HostileRequest.Utf8("grant_type=%zz&%00=%00"), null, "malformed form");
        yield return new("POST", "/connect/token", "application/x-www-form-urlencoded", [0xff, 0xfe, 0x00], null, "binary form");
        yield return new("GET", "/connect/token?grant_type=client_credentials", null, null, null, "get");
        yield return new("POST", "/connect/logout?post_logout_redirect_uri=%00", null, null, null, "logout");
    }

    static IEnumerable<HostileRequest> AuthorizeRequests()
    {
        var responseTypes = new[] { "code", "token", "", "CODE", "code id_token", "code\0" };
        var redirects = new[] { RedirectUri, "http://evil.example/", "javascript:alert(1)", "", "\0", RedirectUri + "?\u0001" };
        var challenges = new[] { "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM", "short", "", "\0", new string('c', 10_000) };
        var index = 0;
        foreach (var responseType in responseTypes)
            foreach (var redirect in redirects)
                foreach (var challenge in challenges)
                {
                    var method = index++ % 3 == 0 ? "POST" : "GET";
                    (string, string)[] parameters = [("response_type", responseType), ("client_id", index % 4 == 0 ? "unknown\0" : Client),
                        ("redirect_uri", redirect), ("scope", index % 5 == 0 ? "openid\0api" : "openid api"), ("state", Texts[index % Texts.Length]),
                        ("code_challenge", challenge), ("code_challenge_method", index % 2 == 0 ? "S256" : "plain"), ("prompt", index % 7 == 0 ? "login" : "")];
                    yield return method == "POST"
                        ? Form("/connect/authorize", parameters, "authorize")
                        : new("GET", "/connect/authorize?" + Encode(parameters), null, null, null, "authorize");
                }
    }

    static HostileRequest Form(string path, (string Name, string Value)[] fields, string attack, Dictionary<string, string>? headers = null) =>
        new("POST", path, "application/x-www-form-urlencoded", HostileRequest.Utf8(Encode(fields)), null, attack, headers);

    static string Encode(IEnumerable<(string Name, string Value)> fields) =>
        string.Join('&', fields.Select(f => $"{Uri.EscapeDataString(f.Name)}={EscapeAny(f.Value)}"));

    /// <summary>Uri.EscapeDataString refuses a lone surrogate; an attacker sends its bytes anyway.</summary>
    static string EscapeAny(string value) => value.Any(char.IsSurrogate) && !value.Any(char.IsHighSurrogate) || value == "\ud800"
        ? "%ED%A0%80" : Uri.EscapeDataString(value);

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryField();
}
