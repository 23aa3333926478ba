using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Marten;
using Npgsql;
using ServiceManufacturing.ServiceDefaults.Audit;
using ServiceManufacturing.ServiceDefaults.Documents;
using Microsoft.Extensions.DependencyInjection;
using ServiceManufacturing.ServiceDefaults.Identity;
using ServiceManufacturing.Services.Registration.Applications;
using ServiceManufacturing.Tests.TestSupport;

namespace ServiceManufacturing.Tests.Registration;

public partial class AuditTrailTests(RegistrationApp app) : IClassFixture<RegistrationApp>
{
    static readonly JsonSerializerOptions Json = ApiJson.Options;
    readonly HttpClient applicant = app.ClientFor(TestUsers.Applicant);
    readonly HttpClient auditor = app.ClientFor(TestUsers.Auditor);

    [Fact]
    public void EveryEventTypeTheStoreKnowsHasItsNoteInTheHistory() => app.AssertEveryEventTypeIsDescribed();

    [Fact]
    public async Task TheServicesOwnRoleIsRefusedAnUpdateOrDeleteOfAnEvent()
    {
        var id = await app.DraftAsync(TestUsers.Applicant, "enterprise", "440300", Forms.Enterprise());
        await using var connection = await app.ServiceRoleAsync();
        foreach (var sql in new[] { "update mt_events set data = data where stream_id = $1", "delete from mt_events where stream_id = $1" })
        {
            await using var command = new NpgsqlCommand(sql, connection) { Parameters = { new() { Value = id } } };
            var refused = await Assert.ThrowsAsync<PostgresException>(() => command.ExecuteNonQueryAsync());
            Assert.Equal(PostgresErrorCodes.InsufficientPrivilege, refused.SqlState);
        }
        await using var chain = new NpgsqlCommand($"delete from {EventChain.Table}", connection);
        Assert.Equal(PostgresErrorCodes.InsufficientPrivilege, (await Assert.ThrowsAsync<PostgresException>(() => chain.ExecuteNonQueryAsync())).SqlState);
    }

    [Fact]
    public Task MartensSessionsWorkAsTheServicesOwnRole() => app.AssertTheStoreWorksAsTheServicesRoleAsync();

    [Fact]
    public async Task TheServicesOwnRoleMayNotCreateAFunctionInItsSchemaThatTheChainsOwnerCodeCouldRun()
    {
        var schema = app.Store.Options.Events.DatabaseSchemaName;
        await using var connection = await app.ServiceRoleAsync();
        await using var shadow = new NpgsqlCommand(
            $"create function \"{schema}\".sha256(bytea) returns bytea language sql as $$ select '\\x00'::bytea $$", connection);
        Assert.Equal(PostgresErrorCodes.InsufficientPrivilege, (await Assert.ThrowsAsync<PostgresException>(() => shadow.ExecuteNonQueryAsync())).SqlState);

        // And the trigger, which runs as the owner, looks up nothing in the service's schema.
        await using var superuser = await app.SuperuserAsync();
        await using var config = new NpgsqlCommand(
            "select array_to_string(p.proconfig, ';') from pg_proc p join pg_namespace n on n.oid = p.pronamespace where n.nspname = $1 and p.proname = 'sm_chain_event'",
            superuser) { Parameters = { new() { Value = schema } } };
        Assert.Equal("search_path=pg_catalog, pg_temp", await config.ExecuteScalarAsync());
    }

    [Fact]
    public async Task TheScanArchiveWorksAsTheServicesRoleWhichMayAddAndRemoveChunksButNeverChangeOne()
    {
        // A scan stored through the archive (so the archive's own connection, the service's role, wrote it).
        var archive = app.Services.GetRequiredService<ScanArchive>();
        var stored = await archive.StoreAsync(new MemoryStream(TestScans.Pdf("Archive role")), "application/pdf", CancellationToken.None);
        await using var connection = await app.ServiceRoleAsync();
        await using (var read = new NpgsqlCommand("select count(*) from scan_chunks where document_id = $1", connection) { Parameters = { new() { Value = stored.DocumentId } } })
            Assert.True((long)(await read.ExecuteScalarAsync())! > 0);
        foreach (var sql in new[] { "update scan_chunks set data = data where document_id = $1", "truncate scan_chunks" })
        {
            await using var command = new NpgsqlCommand(sql, connection) { Parameters = { new() { Value = stored.DocumentId } } };
            if (!sql.Contains("$1")) command.Parameters.Clear();
            Assert.Equal(PostgresErrorCodes.InsufficientPrivilege, (await Assert.ThrowsAsync<PostgresException>(() => command.ExecuteNonQueryAsync())).SqlState);
        }
        await archive.DeleteAsync(stored.DocumentId, CancellationToken.None);
    }

    [Fact]
    public async Task AnEventAlteredInTheDatabaseIsNamedByTheVerification()
    {
        var id = await app.DraftAsync(TestUsers.Applicant, "enterprise", "440300", Forms.Enterprise());
        Assert.Equal(HttpStatusCode.OK, (await applicant.PostAsync($"/api/v1/applications/{id}/submission", null)).StatusCode);
        var intact = await VerifyAsync($"?streamId={id}");
        Assert.Equal((true, 3L), (intact.Intact, intact.EventsChecked));

        await using (var superuser = await app.SuperuserAsync())
        {
            await using var alter = new NpgsqlCommand(
                "update mt_events set data = jsonb_set(data, '{organisationName}', '\"某某伪造公司\"') where stream_id = $1 and version = 3 returning seq_id",
                superuser) { Parameters = { new() { Value = id } } };
            var altered = (long)(await alter.ExecuteScalarAsync())!;
            var verification = await VerifyAsync("");
            Assert.False(verification.Intact);
            Assert.Equal((altered, id, 3L), (verification.FirstBroken!.Sequence, verification.FirstBroken.StreamId, verification.FirstBroken.Version));
            await using var restore = new NpgsqlCommand(
                "update mt_events set data = jsonb_set(data, '{organisationName}', '\"深圳某某智能制造有限公司\"') where seq_id = $1", superuser)
                { Parameters = { new() { Value = altered } } };
            await restore.ExecuteNonQueryAsync();
        }
        Assert.True((await VerifyAsync($"?streamId={id}")).Intact);
    }

    [Fact]
    public async Task AnApplicationsHistoryShowsEveryStepWithItsActorAndSummary()
    {
        var id = await app.DraftAsync(TestUsers.Applicant, "enterprise", "440300", Forms.Enterprise());
        Assert.Equal(HttpStatusCode.OK, (await applicant.PostAsync($"/api/v1/applications/{id}/submission", null)).StatusCode);

        var history = await Eventually.GetAsync(async () =>
        {
            var entries = await auditor.GetFromJsonAsync<List<HistoryEntry>>($"/api/v1/audit/registration/history/applications/{id}", Json);
            return entries!.Count(e => e.StreamId == id) == 3 ? entries : null;
        });
        Assert.Equal(["application_draft_created", "application_form_saved", "application_submitted"],
            history.Where(e => e.StreamId == id).Select(e => e.EventType));
        Assert.All(history.Where(e => e.StreamId == id), e =>
        {
            Assert.Equal((TestUsers.Applicant.Subject, PlatformRoles.Applicant), (e.ActorSubject, e.ActorRole));
            Assert.False(string.IsNullOrWhiteSpace(e.SummaryZh) || string.IsNullOrWhiteSpace(e.SummaryEn) || e.SummaryEn.Contains("undescribed"));
            Assert.NotNull(e.CorrelationId);
        });
        var submitted = await auditor.GetFromJsonAsync<List<HistoryEntry>>(
            $"/api/v1/audit/registration/history/applications/{id}?eventType=application_submitted", Json);
        Assert.Equal("application_submitted", Assert.Single(submitted!).EventType);
        var none = await auditor.GetFromJsonAsync<List<HistoryEntry>>(
            $"/api/v1/audit/registration/history/applications/{id}?actor=someone-else", Json);
        Assert.Empty(none!);
    }

    [Fact]
    public async Task AnApplicationAsOfAPastInstantIsWhatTheStatusEndpointAnsweredThen()
    {
        var id = await app.DraftAsync(TestUsers.Applicant, "enterprise", "440300", Forms.Enterprise());
        var before = JsonNode.Parse(await applicant.GetStringAsync($"/api/v1/applications/{id}"))!;
        var noted = DateTimeOffset.UtcNow;
        await Task.Delay(50);
        Assert.Equal(HttpStatusCode.OK, (await applicant.PostAsync($"/api/v1/applications/{id}/submission", null)).StatusCode);
        var now = JsonNode.Parse(await applicant.GetStringAsync($"/api/v1/applications/{id}"))!;
        Assert.NotEqual(before["status"]!.GetValue<string>(), now["status"]!.GetValue<string>());

        var asOf = JsonNode.Parse(await auditor.GetStringAsync(
            $"/api/v1/audit/registration/applications/{id}/as-of?at={Uri.EscapeDataString(noted.ToString("O"))}"))!;
        Assert.Equal(before.ToJsonString(), asOf.ToJsonString());
        var asOfVersion = JsonNode.Parse(await auditor.GetStringAsync($"/api/v1/audit/registration/applications/{id}/as-of?version=2"))!;
        Assert.Equal(before.ToJsonString(), asOfVersion.ToJsonString());
        var latest = JsonNode.Parse(await auditor.GetStringAsync($"/api/v1/audit/registration/applications/{id}/as-of?version=3"))!;
        Assert.Equal(now.ToJsonString(), latest.ToJsonString());
    }

    [Fact]
    public async Task AsOfWithNeitherInstantNorVersionIsRefused()
    {
        var response = await auditor.GetAsync($"/api/v1/audit/registration/applications/{Guid.NewGuid()}/as-of");
        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Contains("as-of-time-or-version", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task AsOfAVersionItsStreamHasNotReachedIsRefusedNotAnsweredWithTheLatestState()
    {
        var id = await app.DraftAsync(TestUsers.Applicant, "enterprise", "440300", Forms.Enterprise());
        var response = await auditor.GetAsync($"/api/v1/audit/registration/applications/{id}/as-of?version=99");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("as-of-version-not-reached", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task AsOfAnApplicationBeforeItExistedIsRefused()
    {
        var id = await app.DraftAsync(TestUsers.Applicant, "enterprise", "440300", Forms.Enterprise());
        var before = DateTimeOffset.UtcNow.AddYears(-1).ToString("O");
        foreach (var url in new[] { $"{id}/as-of?at={Uri.EscapeDataString(before)}", $"{Guid.NewGuid()}/as-of?version=1" })
        {
            var response = await auditor.GetAsync($"/api/v1/audit/registration/applications/{url}");
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
            Assert.Contains("nothing-as-of", await response.Content.ReadAsStringAsync());
        }
    }

    [Fact]
    public async Task AHistoryWhoseTimeRangeEndsBeforeItStartsIsRefused()
    {
        var response = await auditor.GetAsync($"/api/v1/audit/registration/history/applications/{Guid.NewGuid()}" +
            "?from=2026-03-02T00:00:00Z&to=2026-03-01T00:00:00Z");
        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Contains("audit-time-range", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task AnAuditorsReadAppearsInThatAuditorsOwnTimeline()
    {
        var id = await app.DraftAsync(TestUsers.Applicant, "enterprise", "440300", Forms.Enterprise());
        Assert.Equal(HttpStatusCode.OK, (await auditor.GetAsync($"/api/v1/audit/registration/history/applications/{id}")).StatusCode);

        var own = await Eventually.GetAsync(async () =>
        {
            var entries = await auditor.GetFromJsonAsync<List<HistoryEntry>>($"/api/v1/audit/registration/history/users/{TestUsers.Auditor.Subject}", Json);
            return entries!.FirstOrDefault(e => e.EventType == "audit_trail_read" && e.Applications.Contains(id));
        });
        Assert.Equal((TestUsers.Auditor.Subject, PlatformRoles.Auditor), (own.ActorSubject, own.ActorRole));
        Assert.Contains(id.ToString(), own.SummaryEn);
    }

    [Fact]
    public async Task AnExportIsRecordedAsAnExportWithItsFormatInTheAuditorsOwnTimeline()
    {
        var id = await app.DraftAsync(TestUsers.Applicant, "enterprise", "440300", Forms.Enterprise());
        Assert.Equal(HttpStatusCode.OK, (await auditor.GetAsync($"/api/v1/audit/registration/history/applications/{id}?format=pdf")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await auditor.GetAsync($"/api/v1/audit/registration/history/applications/{id}?format=docx")).StatusCode);

        var export = await Eventually.GetAsync(async () =>
        {
            var entries = await auditor.GetFromJsonAsync<List<HistoryEntry>>($"/api/v1/audit/registration/history/users/{TestUsers.Auditor.Subject}", Json);
            return entries!.FirstOrDefault(e => e.EventType == "audit_trail_read" && e.Applications.Contains(id));
        });
        Assert.Equal(TestUsers.Auditor.Subject, export.ActorSubject);
        Assert.Contains($"export (pdf) of the history of application {id}", export.SummaryEn);
    }

    async Task<ChainVerification> VerifyAsync(string query) =>
        (await auditor.GetFromJsonAsync<ChainVerification>($"/api/v1/audit/registration/event-chain{query}", Json))!;
}
