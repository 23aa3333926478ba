using System.Net.Http.Json;
using ServiceManufacturing.Contracts;
using ServiceManufacturing.Services.Registration.Roster;
using ServiceManufacturing.Tests.TestSupport;

namespace ServiceManufacturing.Tests.Registration;

/// <summary>Registration's copy of Evaluation's roster: enrolments, corrections and revoked titles, in any order.</summary>
public class RosterCopyTests(RegistrationApp app) : IClassFixture<RegistrationApp>
{
    static readonly DateTimeOffset Now = new(2023, 3, 20, 9, 0, 0, TimeSpan.FromHours(8));
    static readonly DemonstrationEnrolled Xiamen = new(Guid.CreateVersion7(), 3, DemonstrationCategory.City, "厦门市", null, "350200", Now);
    static readonly DemonstrationEvaluated Revoked = new(Xiamen.DemonstrationId, 3, DemonstrationCategory.City, "厦门市", null, "350200",
        EvaluationOutcome.TitleRevoked, "未开展示范工作", null, Now);

    static RosterEntry Entry(params object[] events)
    {
        var entry = RosterEntry.Create((EarlierDemonstrationRecorded)events[0]);
        foreach (var e in events.Skip(1))
            entry = e switch
            {
                EarlierDemonstrationRecorded r => entry.Apply(r),
                EarlierDemonstrationTitleRevoked t => entry.Apply(t),
                EarlierDemonstrationWithdrawn w => entry.Apply(w),
                _ => entry,
            };
        return entry;
    }

    [Fact]
    public void AnEnrolmentIsRecordedAndTheSameOneAgainIsNot()
    {
        var recorded = RosterCopyDecider.Enrolled(Xiamen, 10, null, Now);
        Assert.IsType<EarlierDemonstrationRecorded>(Assert.Single(recorded));
        Assert.Empty(RosterCopyDecider.Enrolled(Xiamen, 11, Entry(recorded), Now.AddMinutes(1)));
    }

    [Fact]
    public void ACorrectionIsRecordedUnlessAnOlderMessageArrivesAfterIt()
    {
        var first = RosterCopyDecider.Enrolled(Xiamen, 10, null, Now);
        var corrected = RosterCopyDecider.Enrolled(Xiamen with { Name = "厦门" }, 20, Entry(first), Now);
        Assert.Equal("厦门", Assert.IsType<EarlierDemonstrationRecorded>(Assert.Single(corrected)).Name);
        Assert.Empty(RosterCopyDecider.Enrolled(Xiamen with { Name = "旧名" }, 15, Entry([.. first, .. corrected]), Now));
    }

    [Fact]
    public void OnlyARevokedTitleTakesTheDemonstrationOffTheRosterEvenBeforeItsEnrolmentArrives()
    {
        var recorded = RosterCopyDecider.Enrolled(Xiamen, 10, null, Now);
        Assert.Empty(RosterCopyDecider.Evaluated(Revoked with { Outcome = EvaluationOutcome.Fail }, Entry(recorded), Now));
        Assert.IsType<EarlierDemonstrationTitleRevoked>(Assert.Single(RosterCopyDecider.Evaluated(Revoked, Entry(recorded), Now)));
        var early = RosterCopyDecider.Evaluated(Revoked, null, Now);
        Assert.Equal([typeof(EarlierDemonstrationRecorded), typeof(EarlierDemonstrationTitleRevoked)], early.Select(e => e.GetType()));
        Assert.Empty(RosterCopyDecider.Enrolled(Xiamen, 0, Entry(early), Now));
    }

    static readonly DemonstrationWithdrawn Withdrawal = new(Xiamen.DemonstrationId, 3, DemonstrationCategory.City, "厦门市", null, "350200",
        "误录为第三批", Now);

    [Fact]
    public void AWithdrawalTakesTheEntryOffForGoodInWhicheverOrderTheMessagesArrive()
    {
        var recorded = RosterCopyDecider.Enrolled(Xiamen, 10, null, Now);
        var withdrawn = RosterCopyDecider.Withdrawn(Withdrawal, 30, Entry(recorded), Now);
        Assert.IsType<EarlierDemonstrationWithdrawn>(Assert.Single(withdrawn));
        Assert.Empty(RosterCopyDecider.Withdrawn(Withdrawal, 30, Entry([.. recorded, .. withdrawn]), Now));
        // A correction published before the withdrawal but arriving after it brings nothing back.
        Assert.Empty(RosterCopyDecider.Enrolled(Xiamen with { Name = "厦门" }, 20, Entry([.. recorded, .. withdrawn]), Now));

        var early = RosterCopyDecider.Withdrawn(Withdrawal, 30, null, Now);
        Assert.Equal([typeof(EarlierDemonstrationRecorded), typeof(EarlierDemonstrationWithdrawn)], early.Select(e => e.GetType()));
        Assert.True(Entry(early).Withdrawn);
        Assert.Empty(RosterCopyDecider.Enrolled(Xiamen, 10, Entry(early), Now));
    }

    [Fact]
    public async Task AWithdrawnCityNoLongerCountsAsADemonstrationCity()
    {
        await using var evaluation = await BrokerProbe<DemonstrationEnrolled>.StartAsync(app);
        var name = "撤回" + Random.Shared.Next(100000, 999999) + "市";
        var city = Xiamen with { DemonstrationId = Guid.CreateVersion7(), Name = name };
        await evaluation.PublishAsync(city, Guid.CreateVersion7(), 100);
        await Eventually.GetAsync(async () =>
        {
            await using var session = app.Store.QuerySession();
            return await EarlierDemonstration.IsDemonstrationCityAsync(session, name, default) ? "listed" : null;
        });

        await evaluation.PublishAsync(Withdrawal with { DemonstrationId = city.DemonstrationId, Name = name }, Guid.CreateVersion7(), 101);

        await Eventually.GetAsync(async () =>
        {
            await using var session = app.Store.QuerySession();
            return await EarlierDemonstration.IsDemonstrationCityAsync(session, name, default) ? null : "withdrawn";
        });
    }

    [Fact]
    public async Task ACityWhoseTitleWasRevokedNoLongerCountsAsADemonstrationCity()
    {
        await using var evaluation = await BrokerProbe<DemonstrationEnrolled>.StartAsync(app);
        var city = Xiamen with { DemonstrationId = Guid.CreateVersion7() };
        await evaluation.PublishAsync(city, Guid.CreateVersion7(), 100);
        await Eventually.GetAsync(async () =>
        {
            await using var session = app.Store.QuerySession();
            return await EarlierDemonstration.IsDemonstrationCityAsync(session, "厦门", default) ? "listed" : null;
        });

        await evaluation.PublishAsync(Revoked with { DemonstrationId = city.DemonstrationId }, Guid.CreateVersion7(), 101);

        await Eventually.GetAsync(async () =>
        {
            await using var session = app.Store.QuerySession();
            return await EarlierDemonstration.IsDemonstrationCityAsync(session, "厦门市", default) ? null : "revoked";
        });
        var xiamen = new ServiceManufacturing.ServiceDefaults.Identity.CurrentUser("city-xiamen", "厦门市工业和信息化局",
            ServiceManufacturing.ServiceDefaults.Identity.PlatformRoles.CityAuthority, "350200", null, "厦门市");
        var titles = await app.ClientFor(xiamen).GetFromJsonAsync<List<DemonstrationTitle>>("/api/v1/demonstration-titles", ApiJson.Options);
        var title = Assert.Single(titles!, t => t.DemonstrationId == city.DemonstrationId);
        Assert.Equal((true, "未开展示范工作"), (title.TitleRevoked, title.RevokedReasons));
    }
}
