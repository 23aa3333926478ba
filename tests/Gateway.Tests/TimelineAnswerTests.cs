using System.Net;
using ServiceManufacturing.ServiceDefaults.Audit;
using ServiceManufacturing.Tests.TestSupport;

namespace ServiceManufacturing.Tests.Gateway;

/// <summary>What the timeline answers besides the merged entries: its refusals, an export passed on as one, a cut history.</summary>
public sealed class TimelineAnswerTests
{
    [Fact]
    public async Task ATimelineOfAnUnknownKindIsNotFoundByRule()
    {
        using var gateway = new TimelineGateway();
        using var response = await gateway.ClientAs(TestUsers.Auditor).GetAsync("/api/v1/audit/timeline/campaigns/x");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("timeline-unknown-kind", await response.Content.ReadAsStringAsync());
        Assert.Empty(gateway.Histories.Requested);
    }

    [Fact]
    public async Task AServiceThatIsDownIsA503WithRetryAfterNamingTheService()
    {
        using var gateway = new TimelineGateway();
        gateway.Histories.Down.Add("review");
        using var response = await gateway.ClientAs(TestUsers.Auditor).GetAsync($"/api/v1/audit/timeline/applications/{Guid.NewGuid()}");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.NotNull(response.Headers.RetryAfter);
        var body = await response.Content.ReadAsStringAsync();
        Assert.Contains("timeline-service-unavailable", body);
        Assert.Contains("review", body);
    }

    [Fact]
    public async Task AnExportAsksEachServiceWithItsFormatSoThatEachRecordsAnExport()
    {
        using var gateway = new TimelineGateway();
        using var response = await gateway.ClientAs(TestUsers.Auditor).GetAsync($"/api/v1/audit/timeline/users/{TestUsers.Applicant.Subject}?format=xlsx");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(4, gateway.Histories.Requested.Count);
        Assert.All(gateway.Histories.Requested, uri => Assert.Contains("format=xlsx", uri.Query));
        using var json = await gateway.ClientAs(TestUsers.Auditor).GetAsync($"/api/v1/audit/timeline/users/{TestUsers.Applicant.Subject}");
        Assert.DoesNotContain(gateway.Histories.Requested.Skip(4), uri => uri.Query.Contains("format"));
    }

    [Fact]
    public async Task ATimelineOneServiceCutShortSaysSoInItsHeader()
    {
        using var gateway = new TimelineGateway();
        using var whole = await gateway.ClientAs(TestUsers.Auditor).GetAsync($"/api/v1/audit/timeline/authorities/440300");
        Assert.False(whole.Headers.Contains(HistoryQuery.TruncatedHeader));

        gateway.Histories.Truncated.Add("registration");
        using var cut = await gateway.ClientAs(TestUsers.Auditor).GetAsync($"/api/v1/audit/timeline/authorities/440300");

        Assert.Equal(HttpStatusCode.OK, cut.StatusCode);
        Assert.Equal(["true"], cut.Headers.GetValues(HistoryQuery.TruncatedHeader));
    }
}
