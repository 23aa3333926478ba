using System.Runtime.InteropServices;
using SkiaSharp;
using UglyToad.PdfPig;

namespace ServiceManufacturing.ServiceDefaults.Documents;

/// <summary>
/// What a scan's bytes really are: a PDF that a PDF parser opens and finds pages in, or a JPEG or PNG that an image
/// decoder decodes to its last row at a sane size. A file that only starts like one (a truncated PDF, "%PDF-" before
/// HTML, an executable or a zip bomb) is none of them.
/// </summary>
public static class ScanContent
{
    public const string Pdf = "application/pdf", Jpeg = "image/jpeg", Png = "image/png";

    /// <summary>The content types a scan may have.</summary>
    public static IReadOnlyList<string> Types { get; } = [Pdf, Jpeg, Png];

    /// <summary>Larger than any page scanned at 600 dpi (A3: 7016 × 9921), far below what would exhaust memory.</summary>
    public const int MaxImageSide = 20_000;
    public const long MaxImagePixels = 100_000_000;

    static ReadOnlySpan<byte> JpegMagic => [0xFF, 0xD8, 0xFF];
    static ReadOnlySpan<byte> PngMagic => [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    /// <summary>The type the first bytes claim: PDF (%PDF-), JPEG (FF D8 FF) or PNG (89 50 4E 47 0D 0A 1A 0A); null for none.</summary>
    public static string? Sniff(ReadOnlySpan<byte> head) =>
        head.StartsWith("%PDF-"u8) ? Pdf
        : head.StartsWith(JpegMagic) ? Jpeg
        : head.StartsWith(PngMagic) ? Png
        : null;

    /// <summary>
    /// The content type of the seekable <paramref name="file"/> when a real parser or decoder accepts it as what its
    /// first bytes claim; null otherwise. Reads the file from its start.
    /// </summary>
    public static string? Identify(Stream file)
    {
        file.Position = 0;
        Span<byte> head = stackalloc byte[8];
        var claimed = Sniff(head[..file.ReadAtLeast(head, head.Length, throwOnEndOfStream: false)]);
        file.Position = 0;
        return claimed switch
        {
            Pdf when IsPdf(file) => Pdf,
            Jpeg when IsImage(file, SKEncodedImageFormat.Jpeg) => Jpeg,
            Png when IsImage(file, SKEncodedImageFormat.Png) => Png,
            _ => null,
        };
    }

    /// <summary>
    /// Opens the document's structure (cross-reference, catalogue, page tree) with strict parsing, and never its page
    /// content; the streams the structure needs are decompressed within a budget (<see cref="BoundedPdfFilters"/>).
    /// </summary>
    static bool IsPdf(Stream file)
    {
        if (!EndsWithEof(file)) return false;
        try
        {
            using var document = PdfDocument.Open(new NonClosing(file), new ParsingOptions
            {
                UseLenientParsing = false,
                SkipMissingFonts = true,
                FilterProvider = new BoundedPdfFilters(),
            });
            return document.NumberOfPages >= 1;
        }
        catch (Exception e) when (e is not (OutOfMemoryException or OperationCanceledException))
        {
            return false; // whatever a hostile file makes the parser throw, it is not a PDF we keep
        }
    }

    /// <summary>
    /// Reads the header with SkiaSharp's decoder and refuses absurd sizes; then decodes a JPEG row by row into one row's
    /// buffer, and reads a PNG's chunks and image data through (<see cref="PngStructure"/>): a truncated or corrupt image
    /// fails, and memory stays small.
    /// </summary>
    static bool IsImage(Stream file, SKEncodedImageFormat format)
    {
        using var codec = SKCodec.Create(new NonClosing(file), out var result);
        if (codec is null || result != SKCodecResult.Success || codec.EncodedFormat != format) return false;
        var (width, height) = (codec.Info.Width, codec.Info.Height);
        if (width is < 1 or > MaxImageSide || height is < 1 or > MaxImageSide || (long)width * height > MaxImagePixels) return false;
        if (format == SKEncodedImageFormat.Png) return PngStructure.IsWhole(file, width, height);
        var info = new SKImageInfo(width, height, SKColorType.Rgba8888, SKAlphaType.Premul);
        if (codec.StartScanlineDecode(info) != SKCodecResult.Success) return false;
        var row = new byte[info.RowBytes];
        var pinned = GCHandle.Alloc(row, GCHandleType.Pinned);
        try
        {
            for (var y = 0; y < height; y++)
                if (codec.GetScanlines(pinned.AddrOfPinnedObject(), 1, row.Length) != 1) return false;
        }
        finally
        {
            pinned.Free();
        }
        return true;
    }

    /// <summary>A whole PDF ends with "%%EOF" (readers look for it in the last 1024 bytes); a cut-off one does not.</summary>
    static bool EndsWithEof(Stream file)
    {
        var tail = new byte[(int)Math.Min(1024, file.Length)];
        file.Position = file.Length - tail.Length;
        file.ReadExactly(tail);
        file.Position = 0;
        return tail.AsSpan().LastIndexOf("%%EOF"u8) >= 0;
    }

    /// <summary>Lets a parser read the spooled file without closing it.</summary>
    sealed class NonClosing(Stream inner) : Stream
    {
        public override bool CanRead => true;
        public override bool CanSeek => true;
        public override bool CanWrite => false;
        public override long Length => inner.Length;
        public override long Position { get => inner.Position; set => inner.Position = value; }
        public override int Read(byte[] buffer, int offset, int count) => inner.Read(buffer, offset, count);
        public override int Read(Span<byte> buffer) => inner.Read(buffer);
        public override long Seek(long offset, SeekOrigin origin) => inner.Seek(offset, origin);
        public override void Flush() { }
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
