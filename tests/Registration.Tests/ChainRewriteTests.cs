using System.Net.Http.Json;
using Npgsql;
using ServiceManufacturing.ServiceDefaults.Audit;
using ServiceManufacturing.Tests.TestSupport;
using Microsoft.Extensions.DependencyInjection;

namespace ServiceManufacturing.Tests.Registration;

/// <summary>
/// What the store's owner could do and each stream's own chain would not show: rewrite an event and its link, or delete a
/// stream's last event with its link. The anchor's digest of the links in its range shows both. Classes of their own: each
/// leaves its store broken.
/// </summary>
public class ChainRewriteTests(RegistrationApp app) : IClassFixture<RegistrationApp>
{
    [Fact]
    public async Task AnEventRewrittenAndRelinkedByTheOwnerIsNamedAtTheAnchorOfItsRange()
    {
        var (rewritten, anchored) = await ChainTamper.AnchoredApplicationAsync(app);
        await using var superuser = await app.SuperuserAsync();
        await using (var alter = new NpgsqlCommand(
            "update mt_events set data = jsonb_set(data, '{organisationName}', '\"某某伪造公司\"') where stream_id = $1 and version = 3 returning seq_id",
            superuser) { Parameters = { new() { Value = rewritten } } })
        {
            var sequence = (long)(await alter.ExecuteScalarAsync())!;
            await using var canonical = new NpgsqlCommand(
                $"select {EventChain.Canonical("e")}, p.hash from mt_events e join {EventChain.Table} p on p.stream_id = e.stream_id and p.version = e.version - 1 where e.seq_id = $1",
                superuser) { Parameters = { new() { Value = sequence } } };
            byte[] link;
            await using (var reader = await canonical.ExecuteReaderAsync())
            {
                await reader.ReadAsync();
                link = EventChain.Link(reader.GetFieldValue<byte[]>(1), reader.GetString(0));
            }
            await using var relink = new NpgsqlCommand($"update {EventChain.Table} set hash = $2 where seq_id = $1", superuser)
                { Parameters = { new() { Value = sequence }, new() { Value = link } } };
            Assert.Equal(1, await relink.ExecuteNonQueryAsync());
        }

        Assert.True((await ChainTamper.VerifyAsync(app, $"?streamId={rewritten}")).Intact); // its stream's chain is consistent again
        var verification = await ChainTamper.VerifyAsync(app, "");
        Assert.False(verification.Intact);
        Assert.Equal(anchored, verification.FirstBroken!.Sequence);
        Assert.Contains("digest", verification.FirstBroken.Reason);
    }
}

public class StreamTailDeletionTests(RegistrationApp app) : IClassFixture<RegistrationApp>
{
    [Fact]
    public async Task AStreamsLastEventDeletedWithItsLinkIsNamedAtTheAnchorOfItsRange()
    {
        var (shortened, anchored) = await ChainTamper.AnchoredApplicationAsync(app);
        await using var superuser = await app.SuperuserAsync();
        foreach (var sql in new[] { $"delete from {EventChain.Table} where stream_id = $1 and version = 3", "delete from mt_events where stream_id = $1 and version = 3" })
        {
            await using var delete = new NpgsqlCommand(sql, superuser) { Parameters = { new() { Value = shortened } } };
            Assert.Equal(1, await delete.ExecuteNonQueryAsync());
        }

        Assert.True((await ChainTamper.VerifyAsync(app, $"?streamId={shortened}")).Intact); // within its stream, nothing shows
        var verification = await ChainTamper.VerifyAsync(app, "");
        Assert.False(verification.Intact);
        Assert.Equal(anchored, verification.FirstBroken!.Sequence);
        Assert.Contains("digest", verification.FirstBroken.Reason);
    }
}

static class ChainTamper
{
    /// <summary>A submitted application (three events), then another one, both anchored: the first's id and the anchored sequence.</summary>
    public static async Task<(Guid Application, long Anchored)> AnchoredApplicationAsync(RegistrationApp app)
    {
        var applicant = app.ClientFor(TestUsers.Applicant);
        var id = await app.DraftAsync(TestUsers.Applicant, "enterprise", "440300", Forms.Enterprise());
        Assert.Equal(System.Net.HttpStatusCode.OK, (await applicant.PostAsync($"/api/v1/applications/{id}/submission", null)).StatusCode);
        var later = await app.DraftAsync(TestUsers.Applicant, "enterprise", "440300", Forms.Enterprise());
        await using var superuser = await app.SuperuserAsync();
        await using var newest = new NpgsqlCommand("select max(seq_id) from mt_events where stream_id = $1", superuser) { Parameters = { new() { Value = later } } };
        var through = (long)(await newest.ExecuteScalarAsync())!;
        var trail = app.Services.GetRequiredService<AuditTrail>();
        // An anchor covers links up to the daemon's high-water mark: anchored as soon as the mark has passed them.
        var anchored = await Eventually.GetAsync(async () => await trail.AnchorAsync(CancellationToken.None) is { } s && s >= through ? (object)s : null);
        Assert.True((await VerifyAsync(app, "")).Intact);
        return (id, (long)anchored);
    }

    public static async Task<ChainVerification> VerifyAsync(RegistrationApp app, string query) =>
        (await app.ClientFor(TestUsers.Auditor).GetFromJsonAsync<ChainVerification>($"/api/v1/audit/registration/event-chain{query}", ApiJson.Options))!;
}
