using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using System.Web;

namespace ServiceManufacturing.Tests.EndToEnd;

/// <summary>The tokens a sign-in yields.</summary>
public sealed record Tokens(string AccessToken, string? RefreshToken, string? IdToken);

/// <summary>
/// Signs in through the gateway as a browser front-end does: the authorization code flow with PKCE, the plain
/// sign-in page (with its antiforgery token), then the code exchanged at the token endpoint.
/// </summary>
public static partial class SignIn
{
    public const string WebClient = "servicemanufacturing-web";
    public const string RedirectUri = "http://localhost:5173/callback";
    public const string DevelopmentPassword = "ServiceMfg-2023";

    /// <summary>
    /// Signs in; while Identity is away (the gateway answers 503 with Retry-After, e.g. just after a fault drill restarted
    /// it) it waits as told and starts the flow again, as a front-end would, a few times.
    /// </summary>
    public static async Task<Tokens> AsAsync(Uri gateway, string userName, string password = DevelopmentPassword)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await FlowAsync(gateway, userName, password);
            }
            catch (IdentityAway away) when (attempt < 6)
            {
                await Task.Delay(away.RetryAfter);
            }
        }
    }

    sealed class IdentityAway(TimeSpan retryAfter) : Exception("Identity is away (503).")
    {
        public TimeSpan RetryAfter { get; } = retryAfter;
    }

    static HttpResponseMessage Answered(HttpResponseMessage response) =>
        response.StatusCode == HttpStatusCode.ServiceUnavailable
            ? throw new IdentityAway(response.Headers.RetryAfter?.Delta ?? TimeSpan.FromSeconds(5))
            : response;

    static async Task<Tokens> FlowAsync(Uri gateway, string userName, string password)
    {
        using var browser = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, CookieContainer = new() })
        {
            BaseAddress = gateway,
        };
        var verifier = Base64Url(RandomNumberGenerator.GetBytes(32));
        var challenge = Base64Url(SHA256.HashData(Encoding.ASCII.GetBytes(verifier)));
        var authorize = $"/connect/authorize?client_id={WebClient}&redirect_uri={Uri.EscapeDataString(RedirectUri)}" +
            $"&response_type=code&scope={Uri.EscapeDataString("openid profile offline_access api")}" +
            $"&code_challenge={challenge}&code_challenge_method=S256&state=e2e";

        var toSignIn = Answered(await browser.GetAsync(authorize));
        Assert.Equal(HttpStatusCode.Redirect, toSignIn.StatusCode);
        var page = await Answered(await browser.GetAsync(toSignIn.Headers.Location)).Content.ReadAsStringAsync();
        var form = HiddenInput().Matches(page).ToDictionary(m => m.Groups[1].Value, m => WebUtility.HtmlDecode(m.Groups[2].Value));
        form["userName"] = userName;
        form["password"] = password;
        var signedIn = Answered(await browser.PostAsync("/account/sign-in", new FormUrlEncodedContent(form)));
        Assert.True(signedIn.StatusCode == HttpStatusCode.Redirect, $"Signing in as {userName} failed: {signedIn.StatusCode}");

        var toClient = Answered(await browser.GetAsync(signedIn.Headers.Location));
        Assert.Equal(HttpStatusCode.Redirect, toClient.StatusCode);
        Assert.StartsWith(RedirectUri, toClient.Headers.Location!.ToString());
        var code = HttpUtility.ParseQueryString(toClient.Headers.Location.Query)["code"]!;

        return await TokenAsync(browser, new()
        {
            ["grant_type"] = "authorization_code", ["code"] = code, ["redirect_uri"] = RedirectUri,
            ["client_id"] = WebClient, ["code_verifier"] = verifier,
        });
    }

    public static async Task<Tokens> RefreshAsync(Uri gateway, string refreshToken)
    {
        using var client = new HttpClient { BaseAddress = gateway };
        return await TokenAsync(client, new()
        {
            ["grant_type"] = "refresh_token", ["refresh_token"] = refreshToken, ["client_id"] = WebClient,
        });
    }

    public static async Task<Tokens> ClientCredentialsAsync(Uri gateway, string clientId, string secret)
    {
        using var client = new HttpClient { BaseAddress = gateway };
        return await TokenAsync(client, new()
        {
            ["grant_type"] = "client_credentials", ["client_id"] = clientId, ["client_secret"] = secret, ["scope"] = "api",
        });
    }

    /// <summary>A client that calls with <paramref name="tokens"/>' access token.</summary>
    public static HttpClient Bearer(Uri baseAddress, Tokens tokens) => new()
    {
        BaseAddress = baseAddress,
        DefaultRequestHeaders = { Authorization = new AuthenticationHeaderValue("Bearer", tokens.AccessToken) },
        Timeout = TimeSpan.FromSeconds(30),
    };

    /// <summary>The claims of a JWT, read without validating (the services validate).</summary>
    public static JsonElement Claims(string jwt) =>
        JsonDocument.Parse(Convert.FromBase64String(Pad(jwt.Split('.')[1].Replace('-', '+').Replace('_', '/')))).RootElement;

    static async Task<Tokens> TokenAsync(HttpClient client, Dictionary<string, string> form)
    {
        var response = await client.PostAsync("/connect/token", new FormUrlEncodedContent(form));
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(response.IsSuccessStatusCode, $"The token endpoint refused: {body}");
        string? Get(string name) => body.TryGetProperty(name, out var value) ? value.GetString() : null;
        return new(Get("access_token")!, Get("refresh_token"), Get("id_token"));
    }

    static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    static string Pad(string base64) => base64.PadRight(base64.Length + (4 - base64.Length % 4) % 4, '=');

    [GeneratedRegex("""<input type="hidden" name="([^"]+)" value="([^"]*)">""")]
    private static partial Regex HiddenInput();
}
