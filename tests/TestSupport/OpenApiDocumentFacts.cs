using System.Text.Json;
using System.Text.Json.Nodes;
using Xunit;

namespace ServiceManufacturing.Tests.TestSupport;

/// <summary>
/// The facts every service's OpenAPI document must hold, for every operation (see <see cref="OpenApiContract"/>);
/// each service's OpenApiDocumentTests inherits them, the gateway's too (through <see cref="OpenApiDocumentFacts"/>).
/// </summary>
public abstract class OpenApiDocumentFacts<TProgram>(ServiceFactory<TProgram> app, string service)
    : OpenApiDocumentFacts(() => app.CreateClient().GetStringAsync("/openapi/v1.json"), service, typeof(TProgram).Assembly) where TProgram : class
{
    /// <summary>
    /// A value outside a query parameter's enum is refused with a 400 that names the parameter, never a quiet empty 200:
    /// checked for every GET without path parameters (lists, exports), as every caller until one passes the role check.
    /// </summary>
    [Fact]
    public async Task AValueOutsideAQueryParametersEnumIsA400NamingIt()
    {
        using var document = JsonDocument.Parse(await app.CreateClient().GetStringAsync("/openapi/v1.json"));
        var failures = new List<string>();
        foreach (var operation in Hostile.ApiOperation.AllOf(document).Where(o => o.Method == "GET" && o.Parameters.All(p => p.In != "path")))
            foreach (var parameter in operation.Parameters.Where(p => p.In == "query" && p.Schema.ValueKind == JsonValueKind.Object
                         && p.Schema.TryGetProperty("enum", out _)))
            {
                var answers = new List<string>();
                foreach (var caller in Hostile.RequestGenerator.Callers)
                {
                    var client = app.RawClient(caller);
                    using var response = await client.GetAsync($"{operation.Path}?{parameter.Name}=nope");
                    var body = await response.Content.ReadAsStringAsync();
                    answers.Add($"{(int)response.StatusCode}");
                    if (response.IsSuccessStatusCode) { failures.Add($"{operation} ?{parameter.Name}=nope answered {(int)response.StatusCode} to {caller?.Role}"); break; }
                    if (response.StatusCode == System.Net.HttpStatusCode.BadRequest)
                    {
                        var errors = JsonNode.Parse(body)?["errors"]?.AsObject();
                        if (errors?.Any(e => string.Equals(e.Key, parameter.Name, StringComparison.OrdinalIgnoreCase)) != true)
                            failures.Add($"{operation} ?{parameter.Name}=nope: a 400 that does not name it: {body}");
                        answers.Clear();
                        break;
                    }
                }
                if (answers.Count > 0) failures.Add($"{operation} ?{parameter.Name}=nope: no caller got a 400 ({string.Join(", ", answers)})");
            }
        OpenApiContract.AssertNone(failures, "enum query parameters");
    }
}

/// <summary>
/// The facts of one document, <paramref name="served"/> as <paramref name="service"/> (whose rules <paramref name="rules"/>
/// defines) serves it (the gateway serves it as
/// /openapi/{service}.json). SM_OPENAPI_OUT=folder writes the document there instead of comparing it with the committed
/// one: eng/generate-client.sh regenerates clients/typescript that way.
/// </summary>
public abstract class OpenApiDocumentFacts(Func<Task<string>> served, string service, System.Reflection.Assembly rules)
{
    /// <summary>The command that regenerates the committed documents and the TypeScript client (see the README).</summary>
    public const string RegenerateCommand = "eng/generate-client.sh";

    async Task<OpenApiContract> Document() => new(JsonNode.Parse(await served())!.AsObject());

    [Fact]
    public async Task TheDocumentPassesRedoclyLintWithNoErrorAndNoWarning() => await OpenApiLint.AssertCleanAsync(await served(), service);

    [Fact]
    public async Task TheTypeScriptClientIsGeneratedFromTheDocumentAsServed()
    {
        var document = await served();
        var committed = Path.Combine(OpenApiLint.RepositoryRoot(), "clients", "typescript", "openapi", $"{service}.json");
        if (Environment.GetEnvironmentVariable("SM_OPENAPI_OUT") is { Length: > 0 } folder)
        {
            Directory.CreateDirectory(folder);
            await File.WriteAllTextAsync(Path.Combine(folder, $"{service}.json"),
                JsonNode.Parse(document)!.ToJsonString(new() { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }) + "\n");
            return;
        }
        Assert.True(File.Exists(committed), $"{committed} is missing: run {RegenerateCommand} and commit clients/typescript.");
        var differences = OpenApiContract.Differences(JsonNode.Parse(await File.ReadAllTextAsync(committed)), JsonNode.Parse(document), "#").Take(10).ToList();
        Assert.True(differences.Count == 0,
            $"clients/typescript/openapi/{service}.json is not the document the {service} service serves; run {RegenerateCommand} " +
            $"(regenerates the documents and the client) and commit clients/typescript. First differences:{Environment.NewLine}" +
            string.Join(Environment.NewLine, differences));
    }

    [Fact]
    public async Task EveryCodeTheServicesRulesDefineIsOneOfTheProblemSchemasCodes() =>
        OpenApiContract.AssertNone((await Document()).UndeclaredCodes(ServiceManufacturing.ServiceDefaults.Http.RuleCodes.DefinedBy(rules)), "rule codes");

    [Fact]
    public async Task AnOperationThatCanAnswerNotYetSaysItLagsAndDeclaresRetryAfter() =>
        OpenApiContract.AssertNone((await Document()).UndeclaredLags(), "lags");

    [Fact]
    public async Task EveryParameterHasADescription() =>
        OpenApiContract.AssertNone((await Document()).UndescribedParameters(), "parameters without a description");

    [Fact]
    public async Task EveryErrorAnswerIsTheOneProblemSchemaAs401And403Are() =>
        OpenApiContract.AssertNone((await Document()).ErrorsThatAreNotProblems(), "errors that are not the Problem schema");

    [Fact]
    public async Task TheProblemSchemaHasEveryMemberTheServicesWrite() =>
        OpenApiContract.AssertNone((await Document()).ProblemSchemaGaps(), "the Problem schema");

    [Fact]
    public async Task EveryOperationThatCanAnswer412TakesIfMatchAndEveryVersionedAnswerDeclaresItsETag() =>
        OpenApiContract.AssertNone((await Document()).ConcurrencyGaps(), "ETag / If-Match / 412");

    [Fact]
    public async Task NumbersAreNumbersAndANullableEnumIsOneSchema() =>
        OpenApiContract.AssertNone((await Document()).LooseTypes(), "loose types");

    [Fact]
    public async Task EveryPropertyOfEverySchemaHasADescription() =>
        OpenApiContract.AssertNone((await Document()).UndescribedProperties(), "properties without a description");

    [Fact]
    public async Task FiltersSortsKindsAndTheFieldsNamingOneOfASetAreEnums() =>
        OpenApiContract.AssertNone((await Document()).OpenStrings(), "open strings that take a closed set");

    [Fact]
    public async Task FilesAreBinaryWithTheirNameAndUploadsDeclareTheirBody() =>
        OpenApiContract.AssertNone((await Document()).FileGaps(), "files");

    [Fact]
    public async Task EveryOperationIsNamedAndSummarisedAndTheGatewayIsTheServer() =>
        OpenApiContract.AssertNone((await Document()).Unnamed(), "names");
}
