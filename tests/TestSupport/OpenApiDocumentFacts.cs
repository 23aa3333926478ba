using Xunit;

namespace ServiceManufacturing.Tests.TestSupport;

/// <summary>
/// The facts every service's OpenAPI document must hold, for every operation (see <see cref="OpenApiContract"/>);
/// each service's OpenApiDocumentTests inherits them. SM_OPENAPI_OUT=folder also writes the document there.
/// </summary>
public abstract class OpenApiDocumentFacts<TProgram>(ServiceFactory<TProgram> app, string service) where TProgram : class
{
    Task<OpenApiContract> Document() => OpenApiContract.ServedByAsync(app);

    [Fact]
    public async Task TheDocumentPassesRedoclyLintWithNoErrorAndNoWarning()
    {
        if (Environment.GetEnvironmentVariable("SM_OPENAPI_OUT") is { Length: > 0 } folder)
        {
            Directory.CreateDirectory(folder);
            await File.WriteAllTextAsync(Path.Combine(folder, $"{service}.json"), await app.CreateClient().GetStringAsync("/openapi/v1.json"));
        }
        await OpenApiLint.AssertCleanAsync(app, service);
    }

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
