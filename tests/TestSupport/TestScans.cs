using System.IO.Compression;
using System.Net.Http.Headers;
using System.Text;
using SkiaSharp;
using Xunit;
using UglyToad.PdfPig.Content;
using UglyToad.PdfPig.Core;
using UglyToad.PdfPig.Fonts.Standard14Fonts;
using UglyToad.PdfPig.Writer;

namespace ServiceManufacturing.Tests.TestSupport;

/// <summary>Stamped scans made in the test: real PDFs, PNGs and JPEGs, and files that only start like one.</summary>
public static class TestScans
{
    /// <summary>A real one-page PDF saying <paramref name="text"/> (ASCII), optionally carrying a noise image of that side.</summary>
    public static byte[] Pdf(string text = "Stamped scan", int noiseSide = 0)
    {
        var builder = new PdfDocumentBuilder();
        var page = builder.AddPage(PageSize.A4);
        page.AddText(text, 12, new PdfPoint(50, 780), builder.AddStandard14Font(Standard14Font.Helvetica));
        if (noiseSide > 0) page.AddPng(Png(noiseSide, noiseSide, noise: true), new PdfRectangle(50, 50, 550, 550));
        return builder.Build();
    }

    public static byte[] Png(int width = 64, int height = 48, bool noise = false) => Image(SKEncodedImageFormat.Png, width, height, noise);

    public static byte[] Jpeg(int width = 64, int height = 48) => Image(SKEncodedImageFormat.Jpeg, width, height, noise: false);

    static byte[] Image(SKEncodedImageFormat format, int width, int height, bool noise)
    {
        using var bitmap = new SKBitmap(width, height, SKColorType.Rgba8888, SKAlphaType.Premul);
        if (noise)
        {
            var pixels = new byte[width * height * 4];
            Random.Shared.NextBytes(pixels);
            for (var i = 3; i < pixels.Length; i += 4) pixels[i] = 255;
            System.Runtime.InteropServices.Marshal.Copy(pixels, 0, bitmap.GetPixels(), pixels.Length);
        }
        else
        {
            bitmap.Erase(new SKColor(200, 30, 30));
        }
        using var data = bitmap.Encode(format, 90);
        return data.ToArray();
    }

    /// <summary>The body of an upload declared as <paramref name="contentType"/>.</summary>
    public static ByteArrayContent Content(byte[] bytes, string contentType = "application/pdf") =>
        new(bytes) { Headers = { ContentType = new MediaTypeHeaderValue(contentType) } };

    /// <summary>Hostile files that start like a PDF or image and are none, by name.</summary>
    public static TheoryData<string> HostileNames => [.. Hostile.Keys];

    public static IReadOnlyDictionary<string, byte[]> Hostile { get; } = new Dictionary<string, byte[]>
    {
        ["a PDF truncated to 38 bytes"] = Pdf()[..38],
        ["a PDF cut off before its end"] = Pdf()[..^40],
        ["%PDF- followed by HTML"] = [.. "%PDF-1.7\n<html><body><script>alert(1)</script></body></html>"u8],
        ["%PDF- followed by an ELF executable"] = [.. "%PDF-1.7\n"u8, 0x7F, (byte)'E', (byte)'L', (byte)'F', 2, 1, 1, 0, .. new byte[200]],
        ["%PDF- followed by a PE executable"] = [.. "%PDF-1.7\n"u8, (byte)'M', (byte)'Z', 0x90, 0, .. new byte[200]],
        ["%PDF- followed by a zip bomb"] = [.. "%PDF-1.7\n"u8, .. ZipOfZeros(64 * 1024 * 1024)],
        ["a PDF whose cross-reference stream inflates to 200 MB"] = HandMadePdf(zeroPadding: 200 * 1024 * 1024),
        ["a PNG cut off halfway"] = Png(300, 300, noise: true)[..20_000],
        ["a JPEG cut off halfway"] = Jpeg(400, 400)[..600],
        ["a PNG header claiming 100000 x 100000 pixels"] = PngClaiming(100_000, 100_000),
    };

    /// <summary>
    /// A small PDF written by hand with a compressed cross-reference stream (PDF 1.5); <paramref name="zeroPadding"/> zero
    /// bytes after its rows make that stream a decompression bomb (a few hundred kilobytes that inflate to as many bytes).
    /// </summary>
    public static byte[] HandMadePdf(int zeroPadding = 0)
    {
        var pdf = new MemoryStream();
        void Write(string s) => pdf.Write(Encoding.ASCII.GetBytes(s));
        Write("%PDF-1.7\n");
        var offsets = new List<long> { 0 };
        foreach (var body in new[]
        {
            "<< /Type /Catalog /Pages 2 0 R >>",
            "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << >> >>",
        })
        {
            offsets.Add(pdf.Position);
            Write($"{offsets.Count - 1} 0 obj\n{body}\nendobj\n");
        }
        var xrefOffset = pdf.Position;
        offsets.Add(xrefOffset);
        var rows = new MemoryStream();
        for (var i = 0; i < offsets.Count; i++)
        {
            rows.WriteByte(i == 0 ? (byte)0 : (byte)1);
            var offset = (uint)offsets[i];
            rows.Write([(byte)(offset >> 24), (byte)(offset >> 16), (byte)(offset >> 8), (byte)offset]);
            rows.Write(i == 0 ? [0xFF, 0xFF] : [0, 0]);
        }
        var compressed = new MemoryStream();
        using (var zlib = new ZLibStream(compressed, CompressionLevel.SmallestSize, leaveOpen: true))
        {
            zlib.Write(rows.ToArray());
            var zeros = new byte[1024 * 1024];
            for (var left = zeroPadding; left > 0; left -= zeros.Length) zlib.Write(zeros, 0, Math.Min(left, zeros.Length));
        }
        Write($"{offsets.Count - 1} 0 obj\n<< /Type /XRef /Size {offsets.Count} /W [1 4 2] /Root 1 0 R /Filter /FlateDecode /Length {compressed.Length} >>\nstream\n");
        pdf.Write(compressed.ToArray());
        Write($"\nendstream\nendobj\nstartxref\n{xrefOffset}\n%%EOF\n");
        return pdf.ToArray();
    }

    static byte[] ZipOfZeros(int size)
    {
        var zip = new MemoryStream();
        using (var archive = new ZipArchive(zip, ZipArchiveMode.Create, leaveOpen: true))
        {
            using var entry = archive.CreateEntry("zeros.bin", CompressionLevel.SmallestSize).Open();
            var zeros = new byte[1024 * 1024];
            for (var left = size; left > 0; left -= zeros.Length) entry.Write(zeros, 0, Math.Min(left, zeros.Length));
        }
        return zip.ToArray();
    }

    /// <summary>A real small PNG whose header (and its CRC) is rewritten to claim absurd dimensions.</summary>
    static byte[] PngClaiming(int width, int height)
    {
        var png = Png();
        static void BigEndian(byte[] b, int at, uint v) { b[at] = (byte)(v >> 24); b[at + 1] = (byte)(v >> 16); b[at + 2] = (byte)(v >> 8); b[at + 3] = (byte)v; }
        BigEndian(png, 16, (uint)width);
        BigEndian(png, 20, (uint)height);
        BigEndian(png, 29, Crc32(png.AsSpan(12, 17)));
        return png;
    }

    static uint Crc32(ReadOnlySpan<byte> bytes)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var b in bytes)
        {
            crc ^= b;
            for (var k = 0; k < 8; k++) crc = (crc & 1) != 0 ? (crc >> 1) ^ 0xEDB88320u : crc >> 1;
        }
        return ~crc;
    }
}
