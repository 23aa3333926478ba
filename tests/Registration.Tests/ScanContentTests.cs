using ServiceManufacturing.ServiceDefaults.Documents;
using ServiceManufacturing.Tests.TestSupport;

namespace ServiceManufacturing.Tests.Registration;

/// <summary>What a scan is, judged by a real PDF parser and image decoder (no database).</summary>
public class ScanContentTests
{
    [Fact]
    public void ARealPdfPngAndJpegAreWhatTheySay()
    {
        Assert.Equal(ScanContent.Pdf, Identify(TestScans.Pdf()));
        Assert.Equal(ScanContent.Pdf, Identify(TestScans.HandMadePdf()));
        Assert.Equal(ScanContent.Png, Identify(TestScans.Png()));
        Assert.Equal(ScanContent.Jpeg, Identify(TestScans.Jpeg()));
    }

    [Theory]
    [MemberData(nameof(TestScans.HostileNames), MemberType = typeof(TestScans))]
    public void AFileThatOnlyStartsLikeAScanIsNone(string hostile) => Assert.Null(Identify(TestScans.Hostile[hostile]));

    [Fact]
    public void ADecompressionBombInsideAPdfIsRefusedWithinItsBudgetNotInflated()
    {
        var bomb = TestScans.Hostile["a PDF whose cross-reference stream inflates to 200 MB"];
        Assert.True(bomb.Length < 2 * 1024 * 1024);
        var allocated = GC.GetAllocatedBytesForCurrentThread();

        Assert.Null(Identify(bomb));

        Assert.True(GC.GetAllocatedBytesForCurrentThread() - allocated < 100 * 1024 * 1024, "the bomb was inflated");
    }

    static string? Identify(byte[] bytes) => ScanContent.Identify(new MemoryStream(bytes));
}
