using ChinaTime = ServiceManufacturing.Contracts.ChinaTime;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ServiceManufacturing.ServiceDefaults.Http;
using ServiceManufacturing.Services.Registration.Applications;
using ServiceManufacturing.Services.Registration.Campaigns;
using ServiceManufacturing.Tests.TestSupport;

namespace ServiceManufacturing.Tests.Registration;

/// <summary>
/// Every date a request carries lies between 1949-10-01 and 2100-12-31, checked when it is saved: the two reported
/// failures (a platform in operation since 9999-12-31, a deadline exception until 9999-12-31) are refused at once.
/// </summary>
public class PlausibleDateTests(RegistrationApp app) : IClassFixture<RegistrationApp>
{
    [Fact]
    public async Task APlatformInOperationSince9999IsRefusedWhenSavedNamingTheFieldAndNothingIsStored()
    {
        var id = await app.DraftAsync(TestUsers.Applicant, "platform", "440300", Forms.Platform(new DateOnly(2020, 1, 1)));
        var before = await app.EventCountAsync();

        var saved = await app.ClientFor(TestUsers.Applicant).PutAsJsonAsync($"/api/v1/applications/{id}/form",
            Forms.Platform(new DateOnly(9999, 12, 31)), ApiJson.Options);

        var errors = await ValidationErrorsAsync(saved);
        Assert.Contains("1949-10-01", errors.GetProperty("platform.inOperationSince")[0].GetString());
        Assert.Equal(before, await app.EventCountAsync());
        // The draft as it was is submitted as usual.
        Assert.Equal(HttpStatusCode.OK, (await app.ClientFor(TestUsers.Applicant).PostAsync($"/api/v1/applications/{id}/submission", null)).StatusCode);
    }

    [Fact]
    public async Task IncidentDatesAndRevenueYearsOutsideTheRangeAreRefusedByField()
    {
        var id = await app.DraftAsync(TestUsers.Applicant, "enterprise", "440300", Forms.Enterprise());
        var form = Forms.Enterprise().WithIncident(new DateOnly(1, 1, 1));
        form = form with { Enterprise = form.Enterprise! with { Revenues = [new AnnualRevenue(99_999, 100m, 40m)] } };

        var errors = await ValidationErrorsAsync(await app.ClientFor(TestUsers.Applicant).PutAsJsonAsync($"/api/v1/applications/{id}/form", form, ApiJson.Options));

        Assert.True(errors.TryGetProperty("declarations.incidents[0].date", out _));
        Assert.True(errors.TryGetProperty("enterprise.revenues[0].year", out _));
    }

    [Fact]
    public async Task ADeadlineExceptionUntil9999IsRefusedWhenGrantedNamingTheFieldAndNothingIsStored()
    {
        var before = await app.EventCountAsync();

        var granted = await app.ClientFor(TestUsers.Ministry).PostAsJsonAsync($"/api/v1/campaigns/{FifthBatch2023.Id}/deadline-exceptions",
            new { authorityCode = "440300", deadline = "recommendations", until = "9999-12-31", reason = "系统故障" });

        var errors = await ValidationErrorsAsync(granted);
        Assert.True(errors.TryGetProperty("until", out _));
        Assert.Equal(before, await app.EventCountAsync());
        var campaign = await app.ClientFor(TestUsers.Ministry).GetFromJsonAsync<Campaign>($"/api/v1/campaigns/{FifthBatch2023.Id}", ApiJson.Options);
        Assert.DoesNotContain(campaign!.Exceptions, e => e.Until.Year > 2100);
    }

    [Fact]
    public async Task ACampaignWithADateOutsideTheRangeIsRefusedNamingEachField()
    {
        var response = await app.ClientFor(TestUsers.Ministry).PostAsJsonAsync("/api/v1/campaigns", new
        {
            year = 2024, batch = 6, name = "第六批", eligibilityWindowStart = "1900-01-01", platformMinimumOperatingYears = 2,
            enterpriseServiceRevenueShare = 0.3,
            deadlines = new { contactPersons = "2024-03-20", applications = "9999-12-31", recommendations = "2024-05-31" },
            quotas = FifthBatch2023.Command.Quotas,
        }, ApiJson.Options);

        var errors = await ValidationErrorsAsync(response);
        Assert.True(errors.TryGetProperty("eligibilityWindowStart", out _));
        Assert.True(errors.TryGetProperty("deadlines.applications", out _));
        Assert.True(errors.TryGetProperty("deadlines.evaluationMaterial", out _)); // missing: 0001-01-01
        Assert.False(errors.TryGetProperty("deadlines.contactPersons", out _));
    }

    [Fact]
    public void TheRangeRunsFromTheFoundingOfThePeoplesRepublicTo2100AndTheEndOfADayNeverOverflows()
    {
        Assert.True(PlausibleDate.Holds(new DateOnly(1949, 10, 1)) && PlausibleDate.Holds(new DateOnly(2100, 12, 31)));
        Assert.False(PlausibleDate.Holds(new DateOnly(1949, 9, 30)) || PlausibleDate.Holds(new DateOnly(2101, 1, 1)));
        Assert.Equal(DateTimeOffset.MaxValue, ChinaTime.EndOfDay(DateOnly.MaxValue));
        Assert.Equal(DateTimeOffset.MinValue, ChinaTime.EndOfDay(DateOnly.MinValue));
    }

    static async Task<JsonElement> ValidationErrorsAsync(HttpResponseMessage response)
    {
        var problem = await ApiJson.AssertProblemAsync(response, HttpStatusCode.BadRequest, "validation");
        return problem.GetProperty("errors");
    }
}
