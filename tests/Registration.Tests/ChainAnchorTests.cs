using System.Net;
using System.Net.Http.Json;
using Npgsql;
using ServiceManufacturing.ServiceDefaults.Audit;
using ServiceManufacturing.Tests.TestSupport;
using Microsoft.Extensions.DependencyInjection;

namespace ServiceManufacturing.Tests.Registration;

/// <summary>
/// The chain's tail, anchored: the newest events deleted with their links leave no gap, but the log no longer reaches its
/// anchor. A class of its own: it leaves its store broken.
/// </summary>
public class ChainAnchorTests(RegistrationApp app) : IClassFixture<RegistrationApp>
{
    [Fact]
    public async Task DeletingTheNewestEventsWithTheirLinksIsNamedAtTheAnchoredEvent()
    {
        var auditor = app.ClientFor(TestUsers.Auditor);
        var application = await app.DraftAsync(TestUsers.Applicant, "enterprise", "440300", Forms.Enterprise());
        var trail = app.Services.GetRequiredService<AuditTrail>();
        await using var superuser = await app.SuperuserAsync();
        await using (var newestOfApplication = new NpgsqlCommand("select max(seq_id) from mt_events where stream_id = $1", superuser)
                     { Parameters = { new() { Value = application } } })
        {
            // An anchor covers links up to the daemon's high-water mark: anchored as soon as the mark has passed the draft.
            var drafted = (long)(await newestOfApplication.ExecuteScalarAsync())!;
            await Eventually.GetAsync(async () => await trail.AnchorAsync(CancellationToken.None) is { } s && s >= drafted ? (object)s : null);
        }
        await using var newest = new NpgsqlCommand($"select max(seq_id) from {ChainAnchor.Table}", superuser);
        var anchored = (long)(await newest.ExecuteScalarAsync())!;
        Assert.True((await VerifyAsync(auditor)).Intact);

        // The service's own role may append anchors but not remove them.
        await using (var service = await app.ServiceRoleAsync())
        await using (var remove = new NpgsqlCommand($"delete from {ChainAnchor.Table}", service))
            Assert.Equal(PostgresErrorCodes.InsufficientPrivilege, (await Assert.ThrowsAsync<PostgresException>(() => remove.ExecuteNonQueryAsync())).SqlState);

        foreach (var sql in new[] { $"delete from {EventChain.Table} where seq_id >= $1", "delete from mt_events where seq_id >= $1" })
        {
            await using var truncate = new NpgsqlCommand(sql, superuser) { Parameters = { new() { Value = anchored } } };
            await truncate.ExecuteNonQueryAsync();
        }

        Assert.True((await app.ClientFor(TestUsers.Auditor).GetFromJsonAsync<ChainVerification>($"/api/v1/audit/registration/event-chain?streamId={application}",
            ApiJson.Options))!.Intact); // within its stream, nothing shows: the tail is simply gone
        var verification = await VerifyAsync(auditor);
        Assert.False(verification.Intact);
        Assert.Equal(anchored, verification.FirstBroken!.Sequence);
        Assert.Contains("anchor", verification.FirstBroken.Reason);
    }

    static async Task<ChainVerification> VerifyAsync(HttpClient auditor) =>
        (await auditor.GetFromJsonAsync<ChainVerification>("/api/v1/audit/registration/event-chain", ApiJson.Options))!;
}
