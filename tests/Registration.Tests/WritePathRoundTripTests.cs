using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Marten;
using ServiceManufacturing.Services.Registration.Applications;
using ServiceManufacturing.Tests.TestSupport;
using Xunit.Abstractions;

namespace ServiceManufacturing.Tests.Registration;

/// <summary>
/// The write path's database round trips, counted (issue 13: the deadline surge reached a tenth of what Marten alone
/// appends, at 13 PostgreSQL transactions per request). The bounds are what the path takes now; a change that adds a
/// read fails here, and says which commands the request made. Npgsql traces commands, not the COMMIT each write adds.
/// </summary>
public class WritePathRoundTripTests(RegistrationApp app, ITestOutputHelper output) : IClassFixture<RegistrationApp>
{
    readonly HttpClient client = app.ClientFor(TestUsers.Applicant);

    [Fact]
    public async Task CreatingSavingAndSubmittingTakeThreeFourAndFiveCommandsAndAnswerWhatIsStored()
    {
        using var trips = new DatabaseRoundTrips();
        await app.DraftAsync(TestUsers.Applicant, "enterprise", "440300", Forms.Enterprise()); // every path compiled

        var (created, creating) = await trips.OfAsync(client, new HttpRequestMessage(HttpMethod.Post, "/api/v1/applications")
        {
            Content = JsonContent.Create(new { category = "enterprise", organisationName = TestUsers.Applicant.Name,
                creditCode = TestUsers.Applicant.CreditCode, authorityCode = "440300" }),
        });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var draft = (await created.Content.ReadFromJsonAsync<ApplicationDetails>(ApiJson.Options))!;
        var id = draft.Id;
        await AssertStoredAsync(draft);
        var (saved, saving) = await trips.OfAsync(client, new HttpRequestMessage(HttpMethod.Put, $"/api/v1/applications/{id}/form")
        {
            Content = JsonContent.Create(Forms.Enterprise(), options: ApiJson.Options),
        });
        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        await AssertStoredAsync((await saved.Content.ReadFromJsonAsync<ApplicationDetails>(ApiJson.Options))!);
        var (submitted, submitting) = await trips.OfAsync(client, new HttpRequestMessage(HttpMethod.Post, $"/api/v1/applications/{id}/submission"));
        Assert.Equal(HttpStatusCode.OK, submitted.StatusCode);
        var receipt = (await submitted.Content.ReadFromJsonAsync<SubmissionReceipt>(ApiJson.Options))!;
        var stored = (await StoredAsync(id))!;
        Assert.Equal((stored.Version, stored.ContentHash, string.Join(",", stored.Warnings)),
            (receipt.Version, receipt.ContentHash, string.Join(",", receipt.Warnings)));

        // campaign; stream fetch; append + projection (+ COMMIT)
        AssertAtMost(3, "create", creating);
        // details + membership; stream fetch; the projection's details; append + projection (+ COMMIT)
        AssertAtMost(4, "save", saving);
        // details + membership; campaign; stream fetch; the projection's details; append + projection (+ COMMIT)
        AssertAtMost(5, "submit", submitting);
    }

    [Fact]
    public async Task AWriteThatFollowsAnotherAnswersWhatIsStored()
    {
        var id = await app.DraftAsync(TestUsers.Applicant, "enterprise", "440300", Forms.Enterprise());
        // Saved twice without If-Match: each answer is the stored details, whichever write came first.
        var saves = await Task.WhenAll(Enumerable.Range(0, 2).Select(_ =>
            client.PutAsJsonAsync($"/api/v1/applications/{id}/form", Forms.Enterprise(200_000m, 90_000m), ApiJson.Options)));
        Assert.All(saves, s => Assert.Equal(HttpStatusCode.OK, s.StatusCode));
        var answers = await Task.WhenAll(saves.Select(async s => (await s.Content.ReadFromJsonAsync<ApplicationDetails>(ApiJson.Options))!));
        Assert.Equal([3L, 4L], answers.Select(a => a.Version).Order());
        await AssertStoredAsync(answers.Single(a => a.Version == 4));
    }

    async Task AssertStoredAsync(ApplicationDetails answered) =>
        Assert.Equal(JsonSerializer.Serialize(await StoredAsync(answered.Id), ApiJson.Options), JsonSerializer.Serialize(answered, ApiJson.Options));

    async Task<ApplicationDetails?> StoredAsync(Guid id)
    {
        await using var session = app.Store.QuerySession();
        return await session.LoadAsync<ApplicationDetails>(id);
    }

    void AssertAtMost(int bound, string request, IReadOnlyList<string> commands)
    {
        output.WriteLine($"{request}: {commands.Count} commands");
        foreach (var command in commands) output.WriteLine("  " + command);
        Assert.True(commands.Count <= bound, $"{request} made {commands.Count} database commands, more than {bound}:\n" + string.Join("\n", commands));
    }
}

public class AnsweringFromTheAppendedEventsTests
{
    static readonly DateTimeOffset Now = new(2023, 3, 15, 9, 0, 0, TimeSpan.Zero);
    static readonly ApplicationDraftCreated Created = new(Guid.CreateVersion7(), Guid.CreateVersion7(), "applicant-1",
        ServiceManufacturing.Contracts.ApplicationCategory.Enterprise, "深圳某某智能制造有限公司", "914403001922038216", "440300", Now);

    [Fact]
    public void TheDetailsFollowTheEventsAppendedRightAfterThem()
    {
        var draft = ApplicationDetailsProjection.Following(null, 1, [Created])!;
        var saved = ApplicationDetailsProjection.Following(draft, 2, [new ApplicationFormSaved(Created.ApplicationId, Forms.Enterprise(), Now)]);

        Assert.Equal((1L, 2L), (draft.Version, saved!.Version));
        Assert.Equal(Forms.Enterprise().Enterprise!.Revenues![0].OperatingRevenue, saved.Form.Enterprise!.Revenues![0].OperatingRevenue);
    }

    [Fact]
    public void DetailsReadBeforeAnotherWriteCameBetweenAreNotFollowed()
    {
        var draft = ApplicationDetailsProjection.Following(null, 1, [Created])!;

        // The save appended version 3: version 2 is another write's, which these details never saw.
        Assert.Null(ApplicationDetailsProjection.Following(draft, 3, [new ApplicationFormSaved(Created.ApplicationId, Forms.Enterprise(), Now)]));
    }
}
