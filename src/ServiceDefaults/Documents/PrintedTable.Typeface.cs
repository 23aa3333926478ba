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

public static partial class PrintedTable
{
    /// <summary>
    /// The fonts, measured: Helvetica (one of the PDF's standard fonts, nothing embedded) for ASCII and what else it has,
    /// the given TrueType font for the rest (a CJK fallback font may have no Latin letters). PdfPig writes a TrueType font
    /// as a simple font of at most 256 distinct characters, so that font is added again for each further 250 characters
    /// the document uses.
    /// </summary>
    sealed class Typeface(PdfDocumentBuilder builder, PdfPageBuilder measuring, ReadOnlyMemory<byte> bytes)
    {
        const int CharactersPerFont = 250;
        readonly TrueTypeFont program = TrueTypeFontParser.Parse(new TrueTypeDataBytes(new MemoryInputBytes(bytes)));
        readonly PdfDocumentBuilder.AddedFont latin = builder.AddStandard14Font(Standard14Font.Helvetica);
        readonly List<(PdfDocumentBuilder.AddedFont Font, HashSet<char> Characters)> fonts = [];
        readonly Dictionary<char, (double Advance, bool Latin)?> glyphs = [];

        /// <summary>The advance of <paramref name="c"/> at size 1 and whether Helvetica prints it, or null when neither font can.</summary>
        (double Advance, bool Latin)? Glyph(char c)
        {
            if (glyphs.TryGetValue(c, out var known)) return known;
            (double, bool)? glyph = null;
            if (c >= 0x80 && !char.IsSurrogate(c) && program.WindowsUnicodeCMap is { } map && map.CharacterCodeToGlyphIndex(c) != 0
                && program.TryGetAdvanceWidth(c, out var units))
                glyph = (units / program.GetUnitsPerEm(), false);
            else if (!char.IsSurrogate(c))
                try
                {
                    var letters = measuring.MeasureText(c.ToString(), 1, new PdfPoint(0, 0), latin);
                    if (letters.Count == 1) glyph = (letters[0].EndBaseLine.X - letters[0].StartBaseLine.X, true);
                }
                catch (InvalidOperationException)
                {
                }
                catch (NotSupportedException)
                {
                }
            return glyphs[c] = glyph;
        }

        double? Advance(char c) => Glyph(c)?.Advance;

        /// <summary><paramref name="text"/> with what neither font can print replaced: control characters by spaces, the rest by "?".</summary>
        public string Printable(string text)
        {
            var printable = new StringBuilder(text.Length);
            foreach (var c in text)
                printable.Append(char.IsControl(c) || char.IsWhiteSpace(c) ? ' ' : Advance(c) is null ? '?' : c);
            return printable.ToString();
        }

        public double Measure(string text, double size) => text.Sum(c => Advance(c) ?? Advance('?') ?? 0.5) * size;

        /// <summary><paramref name="text"/> in lines no wider than <paramref name="width"/>: at spaces, between CJK characters, at line breaks, and within a word too long for a line.</summary>
        public List<string> Wrap(string text, double size, double width)
        {
            var lines = new List<string>();
            foreach (var paragraph in text.Replace("\r\n", "\n").Split('\n'))
            {
                var line = new StringBuilder();
                var used = 0.0;
                foreach (var word in Words(Printable(paragraph)))
                {
                    var measured = Measure(word, size);
                    if (used + Measure(word.TrimEnd(), size) > width && line.Length > 0)
                    {
                        lines.Add(line.ToString().TrimEnd());
                        (line, used) = (new StringBuilder(), 0);
                    }
                    if (Measure(word.TrimEnd(), size) <= width)
                    {
                        line.Append(word);
                        used += measured;
                        continue;
                    }
                    foreach (var c in word)
                    {
                        var w = Measure(c.ToString(), size);
                        if (used + w > width && line.Length > 0)
                        {
                            lines.Add(line.ToString().TrimEnd());
                            (line, used) = (new StringBuilder(), 0);
                        }
                        line.Append(c);
                        used += w;
                    }
                }
                lines.Add(line.ToString().TrimEnd());
            }
            return lines;
        }

        /// <summary>Each CJK character alone, other runs up to and with their trailing spaces.</summary>
        static IEnumerable<string> Words(string text)
        {
            var word = new StringBuilder();
            foreach (var c in text)
            {
                var wide = c >= '\u2E80';
                if (word.Length > 0 && (wide || (c != ' ' && word[^1] == ' ') || word[^1] >= '\u2E80'))
                {
                    yield return word.ToString();
                    word.Clear();
                }
                word.Append(c);
            }
            if (word.Length > 0) yield return word.ToString();
        }

        /// <summary>Draws <paramref name="text"/> (made printable) with its baseline starting at (<paramref name="x"/>, <paramref name="y"/>).</summary>
        public void Draw(PdfPageBuilder page, string text, double size, double x, double y)
        {
            text = Printable(text);
            var start = 0;
            while (start < text.Length)
            {
                var font = FontFor(text[start]);
                var end = start + 1;
                while (end < text.Length && FontFor(text[end], font) == font) end++;
                var run = text[start..end];
                if (run.Trim().Length > 0) page.AddText(run, size, new PdfPoint(x, y), font);
                x += Measure(run, size);
                start = end;
            }
        }

        /// <summary>The font that prints <paramref name="c"/>: Helvetica, an added TrueType font that already does, else <paramref name="preferred"/> or the newest if it has room, else a new one.</summary>
        PdfDocumentBuilder.AddedFont FontFor(char c, PdfDocumentBuilder.AddedFont? preferred = null)
        {
            if (Glyph(c) is not { Latin: false }) return latin;
            foreach (var (font, characters) in fonts)
                if (characters.Contains(c)) return font;
            var index = fonts.FindIndex(f => f.Font == preferred && f.Characters.Count < CharactersPerFont);
            if (index < 0 && fonts.Count > 0 && fonts[^1].Characters.Count < CharactersPerFont) index = fonts.Count - 1;
            if (index < 0)
            {
                fonts.Add((builder.AddTrueTypeFont(bytes), []));
                index = fonts.Count - 1;
            }
            fonts[index].Characters.Add(c);
            return fonts[index].Font;
        }
    }
}
