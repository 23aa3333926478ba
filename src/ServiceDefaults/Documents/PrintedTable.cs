using System.Buffers.Binary;
using System.Globalization;
using System.Text;
using UglyToad.PdfPig.Content;
using UglyToad.PdfPig.Core;
using UglyToad.PdfPig.Fonts.Standard14Fonts;
using UglyToad.PdfPig.Fonts.TrueType;
using UglyToad.PdfPig.Fonts.TrueType.Parser;
using UglyToad.PdfPig.Writer;

namespace ServiceManufacturing.ServiceDefaults.Documents;

/// <summary>
/// A printable PDF of one table of text (A4 landscape): a title, a subtitle, the column headings on every page, each row's
/// cells wrapped within their column (a row longer than a page goes on over the next), and "第 n / N 页 · Page n of N" at
/// the foot of each page. Written with PdfPig: ASCII in Helvetica, the rest in a TrueType font given as bytes (a CJK font
/// for Chinese); a character neither has is printed as "?".
/// </summary>
public static partial class PrintedTable
{
    public const string ContentType = "application/pdf";

    const double Margin = 36, TitleSize = 13, SubtitleSize = 8, TextSize = 7.5, Leading = 9.5, Padding = 3;

    /// <summary>
    /// The PDF of <paramref name="rows"/> under <paramref name="header"/>; <paramref name="widths"/> are the columns'
    /// relative widths, one per heading. Throws <see cref="InvalidDataException"/> when <paramref name="font"/> is not a
    /// TrueType font PdfPig can embed.
    /// </summary>
    public static byte[] Write(ReadOnlyMemory<byte> font, string title, string subtitle, IReadOnlyList<string> header,
        IReadOnlyList<string[]> rows, IReadOnlyList<double> widths)
    {
        var builder = new PdfDocumentBuilder();   // Build() completes and closes it (disposing it after would write the document again)
        if (!builder.CanUseTrueTypeFont(font, out var reasons))
            throw new InvalidDataException($"Not a usable TrueType font: {string.Join("; ", reasons)}");
        builder.DocumentInformation.Title = title;
        var pages = new List<PdfPageBuilder>();
        var page = builder.AddPage(PageSize.A4, false);
        var type = new Typeface(builder, page, WithAdvanceForEveryGlyph(font.ToArray()));
        var (width, height) = (page.PageSize.Width, page.PageSize.Height);
        var total = widths.Sum();
        var columns = widths.Select(w => (width - 2 * Margin) * w / total).ToArray();
        var lefts = columns.Select((_, i) => Margin + columns.Take(i).Sum()).ToArray();
        var bottom = Margin + Leading * 2;
        var headingLines = columns.Select((c, i) => type.Wrap(header[i], TextSize, c - 2 * Padding).Count).Max();
        var freshFit = (int)Math.Floor((height - Margin - headingLines * Leading - 2 * Padding - bottom - 2 * Padding) / Leading);

        double y = height - Margin;
        type.Draw(page, title, TitleSize, Margin, y - TitleSize);
        y -= TitleSize + 6;
        foreach (var line in type.Wrap(subtitle, SubtitleSize, width - 2 * Margin))
        {
            type.Draw(page, line, SubtitleSize, Margin, y - SubtitleSize);
            y -= SubtitleSize + 3;
        }
        y -= 4;
        y = Heading(page, y);
        pages.Add(page);

        foreach (var row in rows)
        {
            var cells = columns.Select((c, i) => type.Wrap(i < row.Length ? row[i] : "", TextSize, c - 2 * Padding)).ToArray();
            var count = Math.Max(1, cells.Max(c => c.Count));
            var next = 0;
            while (next < count)
            {
                var fit = (int)Math.Floor((y - bottom - 2 * Padding) / Leading);
                // A row that fits on a fresh page starts on one rather than being split.
                if (fit < count - next && (fit <= 0 || (next == 0 && count <= freshFit)))
                {
                    page = builder.AddPage(PageSize.A4, false);
                    pages.Add(page);
                    y = Heading(page, height - Margin);
                    continue;
                }
                var take = Math.Min(count - next, fit);
                for (var i = 0; i < cells.Length; i++)
                    for (var l = next; l < Math.Min(next + take, cells[i].Count); l++)
                        type.Draw(page, cells[i][l], TextSize, lefts[i] + Padding, y - Padding - TextSize - (l - next) * Leading);
                y -= take * Leading + 2 * Padding;
                page.DrawLine(new PdfPoint(Margin, y), new PdfPoint(width - Margin, y), 0.3);
                next += take;
            }
        }

        for (var n = 0; n < pages.Count; n++)
        {
            var folio = string.Create(CultureInfo.InvariantCulture, $"第 {n + 1} / {pages.Count} 页 · Page {n + 1} of {pages.Count}");
            type.Draw(pages[n], folio, SubtitleSize, width - Margin - type.Measure(folio, SubtitleSize), Margin - SubtitleSize);
        }
        return builder.Build();

        double Heading(PdfPageBuilder on, double top)
        {
            var cells = columns.Select((c, i) => type.Wrap(header[i], TextSize, c - 2 * Padding)).ToArray();
            var count = cells.Max(c => c.Count);
            on.SetTextAndFillColor(0xEE, 0xEE, 0xEE);
            on.DrawRectangle(new PdfPoint(Margin, top - count * Leading - 2 * Padding), width - 2 * Margin, count * Leading + 2 * Padding, 0, true);
            on.ResetColor();
            for (var i = 0; i < cells.Length; i++)
                for (var l = 0; l < cells[i].Count; l++)
                    type.Draw(on, cells[i][l], TextSize, lefts[i] + Padding, top - Padding - TextSize - l * Leading);
            return top - count * Leading - 2 * Padding;
        }
    }

    /// <summary>
    /// <paramref name="font"/> with a horizontal metric for every glyph. A TrueType font may list fewer metrics than glyphs
    /// (the rest share the last advance: CJK fonts such as Droid Sans Fallback do), which PdfPig 0.1.16's subsetter does not
    /// allow for (it indexes the metrics by glyph, out of range); so the shared advance is written out for each glyph.
    /// </summary>
    static byte[] WithAdvanceForEveryGlyph(byte[] font)
    {
        var count = BinaryPrimitives.ReadUInt16BigEndian(font.AsSpan(4));
        var tables = new List<(uint Tag, byte[] Data)>();
        for (var i = 0; i < count; i++)
        {
            var entry = font.AsSpan(12 + 16 * i, 16);
            var (offset, length) = ((int)BinaryPrimitives.ReadUInt32BigEndian(entry[8..]), (int)BinaryPrimitives.ReadUInt32BigEndian(entry[12..]));
            tables.Add((BinaryPrimitives.ReadUInt32BigEndian(entry), font.AsSpan(offset, length).ToArray()));
        }
        int Index(string tag) => tables.FindIndex(t => t.Tag == BinaryPrimitives.ReadUInt32BigEndian(System.Text.Encoding.ASCII.GetBytes(tag)));
        var (hhea, maxp, hmtx) = (Index("hhea"), Index("maxp"), Index("hmtx"));
        if (hhea < 0 || maxp < 0 || hmtx < 0) return font;
        var metrics = BinaryPrimitives.ReadUInt16BigEndian(tables[hhea].Data.AsSpan(34));
        var glyphs = BinaryPrimitives.ReadUInt16BigEndian(tables[maxp].Data.AsSpan(4));
        var old = tables[hmtx].Data;
        if (metrics == 0 || metrics >= glyphs || old.Length < 4 * metrics + 2 * (glyphs - metrics)) return font;

        var full = new byte[4 * glyphs];
        old.AsSpan(0, 4 * metrics).CopyTo(full);
        var advance = BinaryPrimitives.ReadUInt16BigEndian(old.AsSpan(4 * (metrics - 1)));
        for (var g = metrics; g < glyphs; g++)
        {
            BinaryPrimitives.WriteUInt16BigEndian(full.AsSpan(4 * g), advance);
            old.AsSpan(4 * metrics + 2 * (g - metrics), 2).CopyTo(full.AsSpan(4 * g + 2));
        }
        tables[hmtx] = (tables[hmtx].Tag, full);
        var header = tables[hhea].Data.ToArray();
        BinaryPrimitives.WriteUInt16BigEndian(header.AsSpan(34), glyphs);
        tables[hhea] = (tables[hhea].Tag, header);
        var head = Index("head");
        if (head >= 0) BinaryPrimitives.WriteUInt32BigEndian(tables[head].Data.AsSpan(8), 0);

        var written = new byte[12 + 16 * count + tables.Sum(t => (t.Data.Length + 3) & ~3)];
        font.AsSpan(0, 12).CopyTo(written);
        var at = 12 + 16 * count;
        for (var i = 0; i < count; i++)
        {
            var (tag, data) = tables[i];
            var entry = written.AsSpan(12 + 16 * i, 16);
            BinaryPrimitives.WriteUInt32BigEndian(entry, tag);
            data.CopyTo(written, at);
            BinaryPrimitives.WriteUInt32BigEndian(entry[4..], Checksum(written.AsSpan(at, (data.Length + 3) & ~3)));
            BinaryPrimitives.WriteUInt32BigEndian(entry[8..], (uint)at);
            BinaryPrimitives.WriteUInt32BigEndian(entry[12..], (uint)data.Length);
            at += (data.Length + 3) & ~3;
        }
        if (head >= 0)
            BinaryPrimitives.WriteUInt32BigEndian(written.AsSpan((int)BinaryPrimitives.ReadUInt32BigEndian(written.AsSpan(12 + 16 * head + 8)) + 8),
                unchecked(0xB1B0AFBA - Checksum(written)));
        return written;

        static uint Checksum(ReadOnlySpan<byte> data)
        {
            uint sum = 0;
            for (var i = 0; i + 4 <= data.Length; i += 4) sum = unchecked(sum + BinaryPrimitives.ReadUInt32BigEndian(data[i..]));
            return sum;
        }
    }
}
