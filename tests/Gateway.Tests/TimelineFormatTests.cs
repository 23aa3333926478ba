using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;

namespace ServiceManufacturing.Tests.Gateway;

/// <summary>The formats the timeline answers in, refused before any service is asked.</summary>
public sealed class TimelineFormatTests
{
    [Fact]
    public async Task An_unknown_format_is_a_validation_problem_naming_format()
    {
        await using var gateway = new GatewayApp();
        using var response = await Get(gateway, "/api/v1/audit/timeline/applications/x?format=docx", "198.51.100.31");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.True(problem.RootElement.GetProperty("errors").TryGetProperty("format", out _), problem.RootElement.ToString());
    }

    [Fact]
    public async Task A_pdf_without_its_font_is_a_503_that_says_so_not_a_500()
    {
        await using var gateway = new GatewayApp();
        await using var fontless = gateway.WithWebHostBuilder(b => b.UseSetting("Audit:PdfFont", "/nonexistent/font.ttf"));
        using var response = await Get(fontless, "/api/v1/audit/timeline/applications/x?format=pdf", "198.51.100.32");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        var body = await response.Content.ReadAsStringAsync();
        Assert.Contains("timeline-pdf-font-missing", body);
        Assert.Contains("/nonexistent/font.ttf", body);
    }

    static Task<HttpResponseMessage> Get(Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactory<Program> gateway, string path, string peer)
    {
        var client = gateway.CreateClient();
        client.DefaultRequestHeaders.Add(GatewayApp.PeerHeader, peer);
        return client.GetAsync(path);
    }
}
