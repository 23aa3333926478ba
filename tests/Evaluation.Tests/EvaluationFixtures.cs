using System.Net.Http.Json;
using ServiceManufacturing.Contracts;
using ServiceManufacturing.Contracts.Reference;
using ServiceManufacturing.Services.Evaluation.Campaigns;
using ServiceManufacturing.Services.Evaluation.Demonstrations;
using ServiceManufacturing.Tests.TestSupport;

namespace ServiceManufacturing.Tests.Evaluation;

/// <summary>What Evaluation learns from other services' messages, published as they would, and demonstrations to file for.</summary>
static class EvaluationFixtures
{
    /// <summary>A valid credit code no other test uses.</summary>
    public static string NewCreditCode()
    {
        const string alphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY";
        var body = "9144030" + string.Concat(Enumerable.Range(0, 10).Select(_ => alphabet[Random.Shared.Next(alphabet.Length)]));
        return body + CreditCode.CheckCharacter(body);
    }

    public static async Task<Guid> OpenCampaignAsync(EvaluationApp app, DateOnly evaluationDeadline)
    {
        var id = Guid.CreateVersion7();
        await using var registration = await BrokerProbe<CampaignOpened>.StartAsync(app);
        await registration.PublishAsync(new CampaignOpened(id, 2023, 5, "2023年第五批", new DateOnly(2021, 1, 1), 2, 0.3m,
            new CampaignDeadlines(new DateOnly(2023, 4, 10), new DateOnly(2023, 4, 30), new DateOnly(2023, 5, 31), evaluationDeadline), [],
            DateTimeOffset.UtcNow), Guid.CreateVersion7());
        await Eventually.GetAsync(async () =>
        {
            await using var session = app.Store.QuerySession();
            return await session.LoadAsync<EvaluationCampaign>(id) is { Noted: true } c ? c : null;
        });
        return id;
    }

    public static async Task GrantExceptionAsync(EvaluationApp app, Guid campaignId, string authorityCode, DateOnly until)
    {
        await using var registration = await BrokerProbe<DeadlineExceptionGranted>.StartAsync(app);
        await registration.PublishAsync(new DeadlineExceptionGranted(campaignId, authorityCode, DeadlineKind.EvaluationMaterial, until, "系统故障",
            "ministry", DateTimeOffset.UtcNow), Guid.CreateVersion7());
        await Eventually.GetAsync(async () =>
        {
            await using var session = app.Store.QuerySession();
            return await session.LoadAsync<EvaluationCampaign>(campaignId) is { } c && c.DeadlineFor(authorityCode) == until ? c : null;
        });
    }

    /// <summary>Identity verified <paramref name="subject"/> as a member of <paramref name="creditCode"/>.</summary>
    public static async Task VerifyMemberAsync(EvaluationApp app, string subject, string creditCode, long sequence)
    {
        await using var identity = await BrokerProbe<OrganisationMemberVerified>.StartAsync(app);
        await identity.PublishAsync(new OrganisationMemberVerified(creditCode, subject, "licence", DateTimeOffset.UtcNow), Guid.CreateVersion7(), sequence);
        await Eventually.GetAsync(async () =>
        {
            await using var session = app.Store.QuerySession();
            return await session.LoadAsync<ServiceManufacturing.Services.Evaluation.Memberships.Membership>(
                ServiceManufacturing.Services.Evaluation.Memberships.Membership.IdFor(subject)) is { Verified: true } m && m.CreditCode == creditCode ? m : null;
        });
    }

    public static async Task<DemonstrationDetails> EnrollAsync(EvaluationApp app, object request)
    {
        var response = await app.ClientFor(TestUsers.Ministry).PostAsJsonAsync("/api/v1/demonstrations", request);
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<DemonstrationDetails>(ApiJson.Options))!;
    }

    public static object Draft(params int[] years) => new
    {
        operatingStatus = "正常经营",
        years = years.Select(y => new { year = y, operatingRevenue = 10000m, serviceRevenue = 3600m }).ToArray(),
        results = "定制化服务带动服务收入占比提升",
    };
}
