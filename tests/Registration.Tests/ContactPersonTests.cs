using ChinaTime = ServiceManufacturing.Contracts.ChinaTime;
using System.Net;
using System.Net.Http.Json;
using ServiceManufacturing.ServiceDefaults.Http;
using ServiceManufacturing.ServiceDefaults.Identity;
using ServiceManufacturing.Services.Registration.AuthorityContacts;
using ServiceManufacturing.Services.Registration.Campaigns;
using ServiceManufacturing.Tests.TestSupport;
using DeadlineKind = ServiceManufacturing.Contracts.DeadlineKind;
using CampaignOpened = ServiceManufacturing.Services.Registration.Campaigns.CampaignOpened;
using DeadlineExceptionGranted = ServiceManufacturing.Services.Registration.Campaigns.DeadlineExceptionGranted;

namespace ServiceManufacturing.Tests.Registration;

public class ContactPersonTests(RegistrationApp app) : IClassFixture<RegistrationApp>
{
    static readonly Campaign Fifth = Campaign.Create(new CampaignOpened(FifthBatch2023.Id, 2023, 5, "第五批", new DateOnly(2021, 1, 1), 2, 0.3m,
        FifthBatch2023.Command.Deadlines, FifthBatch2023.Command.Quotas, DateTimeOffset.UnixEpoch));
    static readonly ReportContactPerson Report = new(Fifth, "130000", "王芳", "处长", "0311-8888 0000", null, "wangfang@hebei.gov.cn", "officer");
    static readonly DateTimeOffset LastMinute = new(2023, 3, 20, 23, 59, 0, ChinaTime.Offset);
    static readonly DateTimeOffset DayAfter = new(2023, 3, 21, 0, 0, 0, ChinaTime.Offset);

    [Fact]
    public void TheContactIsReportedUpToTheEndOfMarch20th() => Assert.Single(ContactDecider.Decide(Report, null, LastMinute));

    [Fact]
    public void AFirstReportAfterTheDeadlineIsRefused() =>
        Assert.Equal(ContactRules.DeadlinePassed, Assert.Throws<RuleViolation>(() => ContactDecider.Decide(Report, null, DayAfter)).Rule);

    [Fact]
    public void AFirstReportAfterTheDeadlinePassesUnderAnException() =>
        Assert.Single(ContactDecider.Decide(Report with
        {
            Campaign = Fifth.Apply(new DeadlineExceptionGranted(Fifth.Id, "130000", DeadlineKind.ContactPersons, new DateOnly(2023, 3, 25), "换届", "m", DayAfter)),
        }, null, DayAfter));

    [Fact]
    public void AReportedContactIsKeptCurrentAfterTheDeadline() =>
        Assert.Single(ContactDecider.Decide(Report, new AuthorityContact(Guid.Empty, Fifth.Id, "130000", "王芳", "处长", "0311", null, "a@b.cn", LastMinute), DayAfter));

    [Fact]
    public async Task AnOfficerReportsItsOwnAuthoritysContactAndOnlyTheMinistrySeesEveryone()
    {
        var contact = new { name = "陈静", title = "处长", phone = "0755-88881234", fax = "0755-88885678", email = "chenjing@sz.gov.cn" };

        Assert.Equal(HttpStatusCode.OK, (await app.ClientFor(TestUsers.ShenzhenOfficer).PutAsJsonAsync("/api/v1/authorities/440300/contact-person", contact)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await app.ClientFor(TestUsers.HebeiOfficer).PutAsJsonAsync("/api/v1/authorities/440300/contact-person", contact)).StatusCode);

        var all = await app.ClientFor(TestUsers.Ministry).GetFromJsonAsync<List<AuthoritySummary>>("/api/v1/authorities", ApiJson.Options);
        Assert.Equal(37, all!.Count);
        Assert.Equal("陈静", all.Single(a => a.Code == "440300").Contact?.Name);
        var seenByHebei = await app.ClientFor(TestUsers.HebeiOfficer).GetFromJsonAsync<List<AuthoritySummary>>("/api/v1/authorities", ApiJson.Options);
        Assert.Null(seenByHebei!.Single(a => a.Code == "440300").Contact);
        Assert.Equal(HttpStatusCode.NotFound, (await app.ClientFor(TestUsers.HebeiOfficer).GetAsync("/api/v1/authorities/440300/contact-person")).StatusCode);
    }

    [Fact]
    public async Task AnInvalidContactNamesEachField()
    {
        var response = await app.ClientFor(TestUsers.DalianOfficer).PutAsJsonAsync("/api/v1/authorities/210200/contact-person",
            new { name = "", title = "科长", phone = "call me", fax = "x", email = "not-an-email" });

        var errors = (await ApiJson.AssertProblemAsync(response, HttpStatusCode.BadRequest, "validation")).GetProperty("errors");
        Assert.All(new[] { "name", "phone", "fax", "email" }, field => Assert.True(errors.TryGetProperty(field, out _), field));
        Assert.False(errors.TryGetProperty("title", out _));
    }
}
