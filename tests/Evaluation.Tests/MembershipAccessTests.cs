using System.Net;
using System.Net.Http.Json;
using Marten;
using ServiceManufacturing.Contracts;
using ServiceManufacturing.Services.Evaluation.Memberships;
using ServiceManufacturing.Tests.TestSupport;
using static ServiceManufacturing.Tests.Evaluation.EvaluationFixtures;

namespace ServiceManufacturing.Tests.Evaluation;

/// <summary>
/// Evaluation's own copy of who is a verified member of which organisation (issue 8, hole 1): the newest word of Identity
/// wins whatever order its messages arrive in, and a removed member no longer reaches the organisation's filings.
/// </summary>
public class MembershipAccessTests(EvaluationApp app) : IClassFixture<EvaluationApp>
{
    [Fact]
    public async Task ARemovalThatOvertakesTheVerificationStaysARemoval()
    {
        var (subject, code) = (Guid.CreateVersion7().ToString(), NewCreditCode());
        await using var identity = await BrokerProbe<OrganisationMemberRemoved>.StartAsync(app);
        await identity.PublishAsync(new OrganisationMemberRemoved(code, subject, DateTimeOffset.UtcNow), Guid.CreateVersion7(), 21);
        await Eventually.GetAsync(() => MembershipAsync(subject));

        await identity.PublishAsync(new OrganisationMemberVerified(code, subject, "binding-approved", DateTimeOffset.UtcNow), Guid.CreateVersion7(), 20);
        await identity.PublishAsync(new OrganisationMemberRemoved(code, subject, DateTimeOffset.UtcNow), Guid.CreateVersion7(), 21); // again

        await Task.Delay(TimeSpan.FromSeconds(2));
        var membership = (await MembershipAsync(subject))!;
        Assert.Equal((false, 21L), (membership.Verified, membership.Sequence));
    }

    [Fact]
    public async Task ARemovedMemberLosesAccessToTheOrganisationsFiling()
    {
        var campaign = await OpenCampaignAsync(app, new DateOnly(2023, 5, 31));
        var code = NewCreditCode();
        var member = TestUsers.Applicant with { Subject = Guid.CreateVersion7().ToString(), CreditCode = code };
        var demonstration = await EnrollAsync(app, new { batch = 3, category = "enterprise", name = "深圳某某除名测试有限公司", creditCode = code, authorityCode = "440300", year = 2021 });
        var applicant = app.ClientFor(member);
        var path = $"/api/v1/demonstrations/{demonstration.Id}/filing";
        await VerifyMemberAsync(app, member.Subject, code, 1);
        Assert.Equal(HttpStatusCode.OK, (await applicant.PutAsJsonAsync($"{path}?campaignId={campaign}", Draft(2021))).StatusCode);

        await using var identity = await BrokerProbe<OrganisationMemberRemoved>.StartAsync(app);
        await identity.PublishAsync(new OrganisationMemberRemoved(code, member.Subject, DateTimeOffset.UtcNow), Guid.CreateVersion7(), 2);
        await Eventually.GetAsync(async () => await MembershipAsync(member.Subject) is { Verified: false } m ? m : null);

        Assert.Equal(HttpStatusCode.NotFound, (await applicant.GetAsync($"{path}?campaignId={campaign}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await applicant.PutAsJsonAsync($"{path}?campaignId={campaign}", Draft(2021, 2022))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await applicant.PostAsJsonAsync($"{path}/submission", new { campaignId = campaign })).StatusCode);
    }

    async Task<Membership?> MembershipAsync(string subject)
    {
        await using var session = app.Store.QuerySession();
        return await session.LoadAsync<Membership>(Membership.IdFor(subject));
    }
}
