using System.Diagnostics;
using System.Net;

namespace ServiceManufacturing.Tests.EndToEnd;

/// <summary>
/// What a front-end team does with the published API alone: generate the TypeScript client from the documents the
/// gateway serves (clients/typescript, npm ci'd by eng/test.sh), compile it under tsc --strict, and run the applicant
/// → officer flow with it (smoke/smoke.ts), branching on problem codes and sending If-Match from ETags.
/// </summary>
[Collection(WholeSystemCollection.Name)]
public class FrontEndClientTests(WholeSystem system)
{
    static readonly string Client = Path.Combine(RepositoryRoot(), "clients", "typescript");

    [Fact]
    public async Task TheGeneratedTypeScriptClientCompilesAndRunsTheApplicantToOfficerFlow()
    {
        Assert.True(Directory.Exists(Path.Combine(Client, "node_modules")),
            $"The client's tools are not installed: run eng/test.sh, or npm ci --prefix {Client}");
        await RunAsync("node", "scripts/generate.mjs", system.GatewayAddress.ToString());
        await RunAsync("node", "node_modules/typescript/bin/tsc", "-p", "tsconfig.json");
        await RunAsync("node", "node_modules/tsx/dist/cli.mjs", "smoke/smoke.ts");
    }

    [Fact]
    public async Task EveryAnswerCarriesItsTraceparentAndTheBrowserMayReadIt()
    {
        using var officer = await system.ClientAsync("officer.hebei");
        var response = await officer.GetAsync("/api/v1/campaigns/current");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var traceparent = Assert.Single(response.Headers.GetValues("traceparent"));
        Assert.Matches("^00-[0-9a-f]{32}-[0-9a-f]{16}-0[01]$", traceparent);
        Assert.False(response.Headers.Contains("X-Route-Template"), "The gateway keeps the route template to itself.");
    }

    async Task RunAsync(string command, params string[] arguments)
    {
        var start = new ProcessStartInfo(command, arguments)
        {
            WorkingDirectory = Client,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            Environment =
            {
                ["SM_GATEWAY"] = system.GatewayAddress.ToString(),
                ["SM_MINISTRY_USER"] = "ministry-admin",
                ["SM_MINISTRY_PASSWORD"] = "Ministry-Admin-2023",
            },
        };
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(5));
        await process.WaitForExitAsync(timeout.Token);
        Assert.True(process.ExitCode == 0,
            $"{command} {string.Join(' ', arguments)} failed ({process.ExitCode}):{Environment.NewLine}{await output}{await error}");
    }

    static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
            if (File.Exists(Path.Combine(directory.FullName, "ServiceManufacturing.sln"))) return directory.FullName;
        throw new InvalidOperationException("The repository root (ServiceManufacturing.sln) was not found.");
    }
}
