using ServiceManufacturing.Gateway.Audit;
using ServiceManufacturing.ServiceDefaults.Audit;
using UglyToad.PdfPig;

namespace ServiceManufacturing.Tests.Gateway;

/// <summary>The timeline's PDF, written in the CJK font the gateway is configured with (fonts-droid-fallback) and read back with PdfPig.</summary>
public sealed class TimelinePrintoutTests
{
    static readonly DateTimeOffset Start = new(2026, 11, 27, 1, 0, 0, TimeSpan.Zero);

    static HistoryEntry Entry(int n) => new(Guid.CreateVersion7(), Timeline.Services[n % 4], n, Guid.CreateVersion7(), n, "application_submitted",
        Start.AddMinutes(n), $"user-{n}", "recommending-authority", "110000", $"corr-{n:D4}", null, [], "110000", null,
        $"第{n}号申报已提交，申报单位为北京市智能制造服务有限公司，联系人张伟审核意见：材料齐全，符合服务型制造示范遴选条件。",
        $"Application number {n} was submitted by Beijing Intelligent Manufacturing Services Co., Ltd.; the documents are complete.");

    static byte[] Font => File.ReadAllBytes(Timeline.DefaultPdfFont);

    [Fact]
    public void A_long_timeline_is_printed_over_several_numbered_pages_with_its_chinese_and_english_summaries()
    {
        var pdf = Timeline.Printout("applications", "0193-demo", [.. Enumerable.Range(1, 120).Select(Entry)], Start.AddDays(1), Font);

        using var document = PdfDocument.Open(pdf);
        Assert.True(document.NumberOfPages > 1, $"{document.NumberOfPages} page(s)");
        var first = Squeezed(document.GetPage(1).Text);
        Assert.Contains("审计时间线", first);
        Assert.Contains("0193-demo", first);
        Assert.Contains("2026-11-2809:00:00", first);   // produced at 01:00 UTC, printed in China Standard Time
        Assert.Contains("第1号申报已提交", first);
        Assert.Contains("Applicationnumber1wassubmitted", first);
        Assert.Contains($"Page1of{document.NumberOfPages}", first);
        var last = Squeezed(document.GetPage(document.NumberOfPages).Text);
        Assert.Contains("第120号申报已提交", last);
        Assert.Contains($"Page{document.NumberOfPages}of{document.NumberOfPages}", last);
    }

    [Fact]
    public void Every_entry_of_the_timeline_is_printed_once()
    {
        var pdf = Timeline.Printout("users", "user-1", [.. Enumerable.Range(1, 120).Select(Entry)], Start, Font);

        using var document = PdfDocument.Open(pdf);
        var text = string.Concat(document.GetPages().Select(p => Squeezed(p.Text)));
        foreach (var n in Enumerable.Range(1, 120))
            Assert.Single(System.Text.RegularExpressions.Regex.Matches(text, $"corr-{n:D4}"));
    }

    [Fact]
    public void A_summary_longer_than_a_page_goes_on_over_the_next()
    {
        var longest = Entry(1) with { SummaryZh = string.Concat(Enumerable.Repeat("服务型制造示范遴选", 600)) + "结束" };

        var pdf = Timeline.Printout("applications", "x", [longest, Entry(2)], Start, Font);

        using var document = PdfDocument.Open(pdf);
        Assert.True(document.NumberOfPages > 1, $"{document.NumberOfPages} page(s)");
        Assert.Contains("结束", string.Concat(document.GetPages().Select(p => p.Text)));
    }

    [Fact]
    public void Wrapped_text_stays_within_the_margins_of_the_landscape_page()
    {
        var pdf = Timeline.Printout("authorities", "110000", [.. Enumerable.Range(1, 40).Select(Entry)], Start, Font);

        using var document = PdfDocument.Open(pdf);
        foreach (var page in document.GetPages())
        {
            Assert.True(page.Width > page.Height, "landscape");
            var outside = page.Letters.Where(l => l.BoundingBox.Left < 35 || l.BoundingBox.Right > page.Width - 35).Select(l => l.Value);
            Assert.Empty(outside);
        }
    }

    /// <summary>The page's text without the spaces PdfPig may or may not put between runs and lines.</summary>
    static string Squeezed(string text) => string.Concat(text.Where(c => !char.IsWhiteSpace(c)));
}
