using System.Text;

namespace ServiceManufacturing.Services.Evaluation.RosterImports;

/// <summary>The rows of an uploaded roster (CSV or XLSX), each with its row number as the file shows it (the header is row 1).</summary>
public static class RosterFile
{
    /// <summary>Rows of text; throws <see cref="InvalidDataException"/> for a file that is neither.</summary>
    public static IReadOnlyList<(int Number, string[] Cells)> Read(byte[] content, bool xlsx)
    {
        if (xlsx) return ServiceManufacturing.ServiceDefaults.Documents.Spreadsheet.Read(new MemoryStream(content));
        var text = new UTF8Encoding(false, true).GetString(content).TrimStart('\uFEFF');
        return Csv(text);
    }

    /// <summary>Whether the bytes begin as a ZIP archive (an XLSX workbook is one).</summary>
    public static bool LooksLikeXlsx(ReadOnlySpan<byte> content) => content.StartsWith("PK\u0003\u0004"u8);

    /// <summary>RFC 4180 records (quoted fields may hold commas, quotes and line breaks); blank lines are skipped.</summary>
    public static IReadOnlyList<(int Number, string[] Cells)> Csv(string text)
    {
        var rows = new List<(int, string[])>();
        var cells = new List<string>();
        var cell = new StringBuilder();
        var line = 1;
        var start = 1;
        var quoted = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < text.Length && text[i + 1] == '"') { cell.Append('"'); i++; }
                else if (c == '"') quoted = false;
                else { if (c == '\n') line++; cell.Append(c); }
                continue;
            }
            switch (c)
            {
                case '"' when cell.Length == 0: quoted = true; break;
                case ',': cells.Add(cell.ToString()); cell.Clear(); break;
                case '\r': break;
                case '\n':
                    End();
                    line++;
                    start = line;
                    break;
                default: cell.Append(c); break;
            }
        }
        if (quoted) throw new InvalidDataException($"Row {start}: a quoted field is not closed.");
        End();
        return rows;

        void End()
        {
            cells.Add(cell.ToString());
            cell.Clear();
            if (cells.Any(x => x.Length > 0)) rows.Add((start, cells.ToArray()));
            cells.Clear();
        }
    }
}
