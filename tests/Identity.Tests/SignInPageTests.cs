using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Testing;
using ServiceManufacturing.Services.Identity.SignIn;

namespace ServiceManufacturing.Tests.Identity;

/// <summary>The sign-in page after a good password: it returns only to a safe local address, never answers 500.</summary>
public partial class SignInPageTests(IdentityApp app) : IClassFixture<IdentityApp>
{
    [Theory]
    [InlineData("/connect/authorize\r\nSet-Cookie: evil=1")]
    [InlineData("/授权")]
    [InlineData("/a b")]
    [InlineData("//evil.example/")]
    [InlineData("/\\evil.example/")]
    [InlineData("https://evil.example/")]
    [InlineData("%")]
    public async Task AGarbageReturnUrlAfterAGoodPasswordReturnsToTheStartPage(string returnUrl)
    {
        var response = await SignInAsync(returnUrl);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/", response.Headers.Location?.OriginalString);
    }

    [Theory]
    [InlineData("/connect/authorize\u0000")]
    [InlineData("/connect/authorize?client_id=x\u0001&state=y")]
    public async Task AControlCharacterInTheReturnUrlIsRefusedAsABadRequestNamingTheField(string returnUrl)
    {
        var response = await SignInAsync(returnUrl);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("returnUrl", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task AGoodReturnUrlIsFollowed()
    {
        const string returnUrl = "/connect/authorize?client_id=servicemanufacturing-web&state=a%20b";

        var response = await SignInAsync(returnUrl);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(returnUrl, response.Headers.Location?.OriginalString);
    }

    [Theory]
    [InlineData("/ok", true)]
    [InlineData("/", true)]
    [InlineData("/x\u007f", false)]
    [InlineData("/x\t", false)]
    [InlineData("", false)]
    [InlineData(null, false)]
    public void OnlyAPrintableLocalPathIsASafeReturn(string? url, bool safe) => Assert.Equal(safe, SignInPage.IsSafeReturn(url));

    async Task<HttpResponseMessage> SignInAsync(string returnUrl)
    {
        var browser = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        var page = await (await browser.GetAsync(SignInPage.Path)).Content.ReadAsStringAsync();
        var form = HiddenInput().Matches(page).ToDictionary(m => m.Groups[1].Value, m => WebUtility.HtmlDecode(m.Groups[2].Value));
        form["userName"] = "ministry-admin";
        form["password"] = IdentityApp.AdministratorPassword;
        form["returnUrl"] = returnUrl;
        return await browser.PostAsync(SignInPage.Path, new FormUrlEncodedContent(form));
    }

    [GeneratedRegex("<input type=\"hidden\" name=\"([^\"]+)\" value=\"([^\"]*)\">")]
    private static partial Regex HiddenInput();
}
