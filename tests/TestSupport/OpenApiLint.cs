using System.Diagnostics;
using Xunit;

namespace ServiceManufacturing.Tests.TestSupport;

/// <summary>
/// Lints a service's OpenAPI document with Redocly (eng/openapi: its version and rules), as a front-end team's client
/// generator would read it. eng/test.sh installs Redocly; without it the test fails and says how to install it.
/// </summary>
public static class OpenApiLint
{
    public static async Task AssertCleanAsync<TProgram>(ServiceFactory<TProgram> app, string service) where TProgram : class =>
        await AssertCleanAsync(await app.CreateClient().GetStringAsync("/openapi/v1.json"), service);

    /// <summary>Lints <paramref name="served"/>, the document (JSON) that <paramref name="service"/> serves.</summary>
    public static async Task AssertCleanAsync(string served, string service)
    {
        var tools = Path.Combine(RepositoryRoot(), "eng", "openapi");
        var redocly = Path.Combine(tools, "node_modules", ".bin", "redocly");
        Assert.True(File.Exists(redocly), $"Redocly is not installed: run eng/test.sh, or npm ci --prefix {tools}");

        var document = Path.Combine(Path.GetTempPath(), $"openapi-{service}-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(document, served);
        try
        {
            var start = new ProcessStartInfo(redocly, ["lint", document, "--config", Path.Combine(tools, "redocly.yaml"), "--format", "stylish"])
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                Environment = { ["REDOCLY_TELEMETRY"] = "off", ["REDOCLY_SUPPRESS_UPDATE_NOTICE"] = "true" },
            };
            using var lint = Process.Start(start)!;
            var output = await lint.StandardOutput.ReadToEndAsync() + await lint.StandardError.ReadToEndAsync();
            await lint.WaitForExitAsync();
            // Warnings count too: each is something a client generator or a front-end developer trips over.
            Assert.True(lint.ExitCode == 0 && !System.Text.RegularExpressions.Regex.IsMatch(output, @"\d+:\d+\s+warning\s"),
                $"redocly lint found errors or warnings in the {service} document:{Environment.NewLine}{output}");
        }
        finally
        {
            File.Delete(document);
        }
    }

    /// <summary>The repository's root folder (where ServiceManufacturing.sln is).</summary>
    public static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
            if (File.Exists(Path.Combine(directory.FullName, "ServiceManufacturing.sln"))) return directory.FullName;
        throw new InvalidOperationException("The repository root (ServiceManufacturing.sln) was not found.");
    }
}
