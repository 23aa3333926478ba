using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Npgsql;
using ServiceManufacturing.ServiceDefaults.Audit;
using ServiceManufacturing.ServiceDefaults.Http;
using ServiceManufacturing.Tests.TestSupport;

namespace ServiceManufacturing.Tests.Registration;

/// <summary>The rules of masking, with no database: which fields may be masked, and what they become.</summary>
public class EventMaskingRuleTests
{
    const string Saved = """{"applicationId":"0193","form":{"contact":{"name":"李明","phone":"0755-88880000"},"revenue":100}}""";

    [Fact]
    public void TheNamedTextFieldsBecomeTheMaskAndNothingElseChanges()
    {
        var masked = JsonNode.Parse(EventMasking.Masked(Saved, new(["form.contact.name", "form.contact.phone"], "本人申请删除")))!;

        Assert.Equal(EventMasking.Mask, masked["form"]!["contact"]!["name"]!.GetValue<string>());
        Assert.Equal(EventMasking.Mask, masked["form"]!["contact"]!["phone"]!.GetValue<string>());
        Assert.Equal(100, masked["form"]!["revenue"]!.GetValue<int>());
        Assert.Equal("0193", masked["applicationId"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("form.contact.email")]   // not in the data
    [InlineData("form.revenue")]         // not text: masked, the event would no longer read as its type
    [InlineData("form.contact")]         // an object, not a field
    [InlineData("")]                     // no path at all
    [InlineData(null)]                   // a JSON null among the fields
    public void AFieldThatIsNotTextInTheDataIsRefusedNamingIt(string? field)
    {
        var refused = Assert.Throws<RuleViolation>(() => EventMasking.Masked(Saved, new([field!], "本人申请删除")));

        Assert.Equal(EventMasking.FieldNotText, refused.Rule);
        Assert.Contains(field ?? "", refused.Errors!.Keys);
    }

    [Fact]
    public void MaskingWithoutAReasonOrWithoutFieldsIsRefused()
    {
        Assert.Equal(EventMasking.ReasonRequired, Assert.Throws<RuleViolation>(() => EventMasking.Masked(Saved, new(["form.contact.name"], " "))).Rule);
        Assert.Equal(EventMasking.FieldsRequired, Assert.Throws<RuleViolation>(() => EventMasking.Masked(Saved, new([], "本人申请删除"))).Rule);
    }
}

/// <summary>
/// Masking on the real store: the one recorded way personal data leaves an event, run as the owner. The masked event still
/// verifies; an unrecorded change (before or after masking, or to the masking record) is named; the service's role cannot
/// mask; the masking is in the audit trail.
/// </summary>
public class EventMaskingTests(RegistrationApp app) : IClassFixture<RegistrationApp>
{
    static readonly object Request = new { fields = new[] { "form.contact.name", "form.contact.phone" }, reason = "联系人依《个人信息保护法》申请删除" };
    readonly HttpClient ministry = app.ClientFor(TestUsers.Ministry);
    readonly HttpClient auditor = app.ClientFor(TestUsers.Auditor);

    [Fact]
    public async Task AMaskedEventNoLongerHoldsThePersonalDataAndItsChainStillVerifies()
    {
        var (application, form) = await FormSavedAsync();

        var masked = await ministry.PostAsJsonAsync($"/api/v1/audit/registration/events/{form.Id}/masking", Request);

        Assert.Equal(HttpStatusCode.OK, masked.StatusCode);
        var data = await DataAsync(form.Sequence);
        Assert.Equal(EventMasking.Mask, data["form"]!["contact"]!["name"]!.GetValue<string>());
        Assert.Equal(EventMasking.Mask, data["form"]!["contact"]!["phone"]!.GetValue<string>());
        Assert.DoesNotContain("李明", await RawDataAsync(form.Sequence));
        Assert.Equal((true, 2L), await VerifyAsync($"?streamId={application}"));
        Assert.True((await VerifyAsync("")).Intact);
    }

    [Fact]
    public async Task AnUnrecordedChangeToAMaskedEventIsNamedAtThatEvent()
    {
        var (application, form) = await FormSavedAsync();
        Assert.Equal(HttpStatusCode.OK, (await ministry.PostAsJsonAsync($"/api/v1/audit/registration/events/{form.Id}/masking", Request)).StatusCode);

        await SuperuserAsync("update mt_events set data = jsonb_set(data, '{form,contact,email}', '\"x@example.cn\"') where seq_id = $1", form.Sequence);
        try
        {
            var broken = await BrokenAsync($"?streamId={application}");
            Assert.Equal((form.Sequence, application, 2L), (broken.Sequence, broken.StreamId, broken.Version));
            Assert.Contains("after it was masked", broken.Reason);
        }
        finally
        {
            await SuperuserAsync("update mt_events set data = jsonb_set(data, '{form,contact,email}', '\"liming@example.cn\"') where seq_id = $1", form.Sequence);
        }
        Assert.True((await VerifyAsync("")).Intact);
    }

    [Fact]
    public async Task MaskingCannotLaunderAnUnrecordedChange()
    {
        var (_, form) = await FormSavedAsync();
        await SuperuserAsync("update mt_events set data = jsonb_set(data, '{form,contact,title}', '\"董事长\"') where seq_id = $1", form.Sequence);
        try
        {
            await ApiJson.AssertProblemAsync(await ministry.PostAsJsonAsync($"/api/v1/audit/registration/events/{form.Id}/masking", Request),
                HttpStatusCode.Conflict, "masking-event-altered");
            Assert.Equal("李明", (await DataAsync(form.Sequence))["form"]!["contact"]!["name"]!.GetValue<string>());
        }
        finally
        {
            await SuperuserAsync("update mt_events set data = jsonb_set(data, '{form,contact,title}', '\"总经理助理\"') where seq_id = $1", form.Sequence);
        }
    }

    [Fact]
    public async Task AnAlteredMaskingRecordIsNamedByTheVerification()
    {
        var (_, form) = await FormSavedAsync();
        Assert.Equal(HttpStatusCode.OK, (await ministry.PostAsJsonAsync($"/api/v1/audit/registration/events/{form.Id}/masking", Request)).StatusCode);

        await SuperuserAsync($"update {MaskingLog.Table} set reason = '例行维护' where seq_id = $1", form.Sequence);
        try
        {
            var broken = await BrokenAsync("");
            Assert.Equal(form.Sequence, broken.Sequence);
            Assert.Contains("masking record", broken.Reason);
        }
        finally
        {
            await SuperuserAsync($"update {MaskingLog.Table} set reason = '联系人依《个人信息保护法》申请删除' where seq_id = $1", form.Sequence);
        }
    }

    [Fact]
    public async Task TheServicesOwnRoleCannotMaskNorWriteTheMaskingRecordAndAnAuditorMayNotMask()
    {
        var (_, form) = await FormSavedAsync();
        await using var connection = await app.ServiceRoleAsync();
        foreach (var sql in new[]
        {
            "update mt_events set data = jsonb_set(data, '{form,contact,name}', '\"x\"') where seq_id = $1",
            $"insert into {MaskingLog.Table} (seq_id, event_id, masked_at, masked_by, reason, fields, original_digest, masked_digest, hash) " +
                "values ($1, gen_random_uuid(), now(), 'x', 'x', 'x', '\\x00', '\\x00', '\\x00')",
        })
        {
            await using var command = new NpgsqlCommand(sql, connection) { Parameters = { new() { Value = form.Sequence } } };
            Assert.Equal(PostgresErrorCodes.InsufficientPrivilege, (await Assert.ThrowsAsync<PostgresException>(() => command.ExecuteNonQueryAsync())).SqlState);
        }
        Assert.Equal(HttpStatusCode.Forbidden, (await auditor.PostAsJsonAsync($"/api/v1/audit/registration/events/{form.Id}/masking", Request)).StatusCode);
        Assert.Equal("李明", (await DataAsync(form.Sequence))["form"]!["contact"]!["name"]!.GetValue<string>());
    }

    [Fact]
    public async Task AMaskingIsInTheAuditTrailOfTheApplicationAndOfWhoMaskedIt()
    {
        var (application, form) = await FormSavedAsync();
        Assert.Equal(HttpStatusCode.OK, (await ministry.PostAsJsonAsync($"/api/v1/audit/registration/events/{form.Id}/masking", Request)).StatusCode);

        var entry = await Eventually.GetAsync(async () =>
            (await auditor.GetFromJsonAsync<List<HistoryEntry>>($"/api/v1/audit/registration/history/applications/{application}?eventType=event_data_masked",
                ApiJson.Options))!.FirstOrDefault());
        Assert.Equal((TestUsers.Ministry.Subject, TestUsers.Ministry.Role), (entry.ActorSubject, entry.ActorRole));
        Assert.Contains($"event {form.Sequence}", entry.SummaryEn);
        Assert.Contains("form.contact.phone", entry.SummaryEn);
        Assert.Contains("个人信息保护法", entry.SummaryZh);
        var own = await auditor.GetFromJsonAsync<List<HistoryEntry>>(
            $"/api/v1/audit/registration/history/users/{TestUsers.Ministry.Subject}?eventType=event_data_masked", ApiJson.Options);
        Assert.Contains(own!, e => e.Id == entry.Id);
    }

    [Fact]
    public async Task ALinkWrittenBeforeLinksCoveredADigestStillVerifiesAfterTheMigrationAndItsEventIsNotMasked()
    {
        var created = await app.ClientFor(TestUsers.Applicant).PostAsJsonAsync("/api/v1/applications",
            new { category = "enterprise", organisationName = TestUsers.Applicant.Name, creditCode = "914403001922038216", authorityCode = "440300" });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var application = JsonNode.Parse(await created.Content.ReadAsStringAsync())!["id"]!.GetValue<Guid>();
        await using var superuser = await app.SuperuserAsync();
        // As the chain stood before this format: format 1, the link over the data itself (the stream's first event: no previous link).
        await using (var old = new NpgsqlCommand($"""
            update {EventChain.Table} c set format = 1, hash = sha256(convert_to('|' || {EventChain.Canonical("e", digest: false)}, 'UTF8'))
            from mt_events e where c.seq_id = e.seq_id and e.stream_id = $1 and e.version = 1 returning e.id
            """, superuser) { Parameters = { new() { Value = application } } })
        {
            var eventId = (Guid)(await old.ExecuteScalarAsync())!;
            // Before this format there were no anchors either.
            await using (var anchors = new NpgsqlCommand($"delete from {ChainAnchor.Table}", superuser)) await anchors.ExecuteNonQueryAsync();
            await using (var migrate = new NpgsqlCommand(EventChain.Ddl(app.Schema), superuser)) await migrate.ExecuteNonQueryAsync();

            Assert.Equal((true, 1L), await VerifyAsync($"?streamId={application}"));
            await ApiJson.AssertProblemAsync(await ministry.PostAsJsonAsync($"/api/v1/audit/registration/events/{eventId}/masking",
                new { fields = new[] { "organisationName" }, reason = "测试" }), HttpStatusCode.Conflict, "masking-link-without-digest");
        }
        await using var edit = new NpgsqlCommand("update mt_events set data = jsonb_set(data, '{organisationName}', '\"某某伪造公司\"') where stream_id = $1",
            superuser) { Parameters = { new() { Value = application } } };
        await edit.ExecuteNonQueryAsync();
        Assert.False((await VerifyAsync($"?streamId={application}")).Intact);
        await using var restore = new NpgsqlCommand($"update mt_events set data = jsonb_set(data, '{{organisationName}}', to_jsonb($2::text)) where stream_id = $1",
            superuser) { Parameters = { new() { Value = application }, new() { Value = TestUsers.Applicant.Name } } };
        await restore.ExecuteNonQueryAsync();
        Assert.True((await VerifyAsync($"?streamId={application}")).Intact);
    }

    /// <summary>A draft whose form is saved, and that event (version 2 of its stream), once the history has it.</summary>
    async Task<(Guid Application, (Guid Id, long Sequence) Form)> FormSavedAsync()
    {
        var application = await app.DraftAsync(TestUsers.Applicant, "enterprise", "440300", Forms.Enterprise());
        await using var superuser = await app.SuperuserAsync();
        await using var command = new NpgsqlCommand("select id, seq_id from mt_events where stream_id = $1 and version = 2", superuser)
            { Parameters = { new() { Value = application } } };
        await using var reader = await command.ExecuteReaderAsync();
        Assert.True(await reader.ReadAsync());
        var form = (reader.GetGuid(0), reader.GetInt64(1));
        // The masking names the applications of the event from its history entry, which the daemon writes.
        await Eventually.GetAsync(async () => (await auditor.GetFromJsonAsync<List<HistoryEntry>>(
            $"/api/v1/audit/registration/history/applications/{application}?eventType=application_form_saved", ApiJson.Options))!.FirstOrDefault());
        return (application, form);
    }

    async Task<JsonNode> DataAsync(long sequence) => JsonNode.Parse(await RawDataAsync(sequence))!;

    /// <summary>The event's data as PostgreSQL holds it (text, not escaped).</summary>
    async Task<string> RawDataAsync(long sequence)
    {
        await using var superuser = await app.SuperuserAsync();
        await using var command = new NpgsqlCommand("select data::text from mt_events where seq_id = $1", superuser) { Parameters = { new() { Value = sequence } } };
        return (string)(await command.ExecuteScalarAsync())!;
    }

    async Task SuperuserAsync(string sql, long sequence)
    {
        await using var superuser = await app.SuperuserAsync();
        await using var command = new NpgsqlCommand(sql, superuser) { Parameters = { new() { Value = sequence } } };
        Assert.Equal(1, await command.ExecuteNonQueryAsync());
    }

    async Task<(bool Intact, long EventsChecked)> VerifyAsync(string query)
    {
        var verification = (await auditor.GetFromJsonAsync<ChainVerification>($"/api/v1/audit/registration/event-chain{query}", ApiJson.Options))!;
        return (verification.Intact, verification.EventsChecked);
    }

    async Task<BrokenLink> BrokenAsync(string query)
    {
        var verification = (await auditor.GetFromJsonAsync<ChainVerification>($"/api/v1/audit/registration/event-chain{query}", ApiJson.Options))!;
        Assert.False(verification.Intact);
        return verification.FirstBroken!;
    }
}
