using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json;
using Aspire.Hosting.ApplicationModel;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace ServiceManufacturing.Tests.EndToEnd;

[Collection(WholeSystemCollection.Name)]
public class SubmissionTests(WholeSystem system)
{
    [Fact]
    public async Task EveryResourceRunsAndTheGatewayServesEachServicesApiDocument()
    {
        var model = system.App.Services.GetRequiredService<DistributedApplicationModel>();
        var names = model.Resources.Select(r => r.Name).ToHashSet();
        Assert.Superset(new HashSet<string> { "postgres", "rabbitmq", "registrationdb", "reviewdb", "evaluationdb", "identitydb",
            "messaging", "identity", "registration", "review", "evaluation", "gateway" }, names);
        foreach (var service in new[] { "identity", "registration", "review", "evaluation" })
            await system.App.ResourceNotifications.WaitForResourceHealthyAsync(service);

        foreach (var document in new[] { "registration", "review", "evaluation", "identity" })
        {
            var openApi = await system.Gateway.GetFromJsonAsync<JsonElement>($"/openapi/{document}.json");
            Assert.True(openApi.GetProperty("paths").EnumerateObject().Any());
        }
    }

    [Fact]
    public async Task ASubmissionThroughTheGatewayOpensAReviewCaseInTheSameTrace()
    {
        var applicant = await system.ClientAsync("applicant.shenzhen");
        var officer = await system.ClientAsync("officer.shenzhen");
        var traceId = ActivityTraceId.CreateRandom();

        var id = await Api.CreateAndSubmitAsync(applicant, "深圳某某智能制造有限公司", decorate: request =>
            request.Headers.Add("traceparent", $"00-{traceId.ToHexString()}-{ActivitySpanId.CreateRandom().ToHexString()}-01"));

        var reviewCase = await Api.WaitForReviewCaseAsync(officer, id, TimeSpan.FromSeconds(60));
        Assert.Equal("深圳某某智能制造有限公司", reviewCase.GetProperty("organisationName").GetString());
        // One trace from the gateway through Registration, its relay, the broker and Review's consumer:
        // every event carries the trace id as its correlation id, and the applicant as its acting user.
        Assert.Equal((traceId.ToHexString(), "applicant"), await MetadataOfAsync("registrationdb", id, "application_submitted"));
        Assert.Equal((traceId.ToHexString(), "applicant"), await MetadataOfAsync("reviewdb", id, "review_case_opened"));
    }

    [Fact]
    public async Task SubmissionsWhileTheBrokerIsDownAllReachReviewExactlyOnce()
    {
        var applicant = await system.ClientAsync("applicant.shenzhen");
        var officer = await system.ClientAsync("officer.shenzhen");
        // The system is warm: one submission has gone all the way through.
        await Api.WaitForReviewCaseAsync(officer, await Api.CreateAndSubmitAsync(applicant, "深圳某某机械有限公司"), TimeSpan.FromSeconds(60));

        await system.StopBrokerAsync();
        List<Guid> submitted = [];
        try
        {
            for (var i = 0; i < 5; i++)
                submitted.Add(await Api.CreateAndSubmitAsync(applicant, $"深圳某某家电制造有限公司{i}"));
            await Task.Delay(TimeSpan.FromSeconds(5)); // the relay keeps trying, its checkpoint does not move
        }
        finally
        {
            await system.StartBrokerAsync();
        }

        foreach (var id in submitted)
        {
            var reviewCase = await Api.WaitForReviewCaseAsync(officer, id, TimeSpan.FromMinutes(2));
            Assert.Equal(1, reviewCase.GetProperty("version").GetInt64());
        }
        await using var review = await system.OpenDatabaseAsync("reviewdb");
        await using var count = new NpgsqlCommand(
            "select count(*) from public.mt_events where type = 'review_case_opened' and stream_id = any($1)", review)
        {
            Parameters = { new() { Value = submitted.ToArray() } },
        };
        Assert.Equal(5L, (long)(await count.ExecuteScalarAsync())!);
    }

    async Task<(string?, string?)> MetadataOfAsync(string database, Guid streamId, string eventType)
    {
        await using var connection = await system.OpenDatabaseAsync(database);
        await using var command = new NpgsqlCommand(
            "select correlation_id, split_part(user_name, ':', 1) from public.mt_events where stream_id = $1 and type = $2", connection)
        {
            Parameters = { new() { Value = streamId }, new() { Value = eventType } },
        };
        await using var reader = await command.ExecuteReaderAsync();
        Assert.True(await reader.ReadAsync());
        return (reader.GetString(0), reader.GetString(1));
    }
}
