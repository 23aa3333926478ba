using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace ServiceManufacturing.ServiceDefaults.Documents;

/// <summary>
/// One-sheet XLSX workbooks of text cells, written with inline strings so they open alike in Excel, WPS and LibreOffice
/// (Review's summary table, Evaluation's results), and read back as rows of text (a roster to import).
/// </summary>
public static class Spreadsheet
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    /// <summary>A workbook of one sheet <paramref name="sheetName"/> holding <paramref name="rows"/>; <paramref name="merged"/> are ranges such as "A1:K1".</summary>
    public static byte[] Write(string sheetName, IReadOnlyList<string[]> rows, IReadOnlyList<int> widths, params string[] merged)
    {
        using var memory = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(memory, SpreadsheetDocumentType.Workbook))
        {
            var workbook = document.AddWorkbookPart();
            workbook.Workbook = new Workbook();
            var sheet = workbook.AddNewPart<WorksheetPart>();
            var data = new SheetData();
            for (var r = 0; r < rows.Count; r++)
            {
                var row = new Row { RowIndex = (uint)(r + 1) };
                for (var col = 0; col < rows[r].Length; col++)
                    row.Append(new Cell
                    {
                        CellReference = $"{ColumnName(col)}{r + 1}",
                        DataType = CellValues.InlineString,
                        InlineString = new InlineString(new Text(rows[r][col]) { Space = SpaceProcessingModeValues.Preserve }),
                    });
                data.Append(row);
            }
            var worksheet = new Worksheet(
                new Columns(widths.Select((w, i) => new Column { Min = (uint)(i + 1), Max = (uint)(i + 1), Width = w, CustomWidth = true })),
                data);
            if (merged.Length > 0) worksheet.Append(new MergeCells(merged.Select(m => new MergeCell { Reference = m })));
            sheet.Worksheet = worksheet;
            workbook.Workbook.AppendChild(new Sheets(new Sheet { Id = workbook.GetIdOfPart(sheet), SheetId = 1, Name = sheetName }));
            workbook.Workbook.Save();
        }
        return memory.ToArray();
    }

    /// <summary>
    /// The first sheet's rows as text, by row number (1-based, as a spreadsheet shows them; empty rows are absent), each
    /// cell at its column's place. Shared strings, inline strings and numbers are read; formulas give their cached value.
    /// Throws <see cref="InvalidDataException"/> when <paramref name="workbook"/> is not an XLSX workbook.
    /// </summary>
    public static IReadOnlyList<(int Number, string[] Cells)> Read(Stream workbook)
    {
        try
        {
            using var document = SpreadsheetDocument.Open(workbook, false);
            var part = document.WorkbookPart ?? throw new InvalidDataException("No workbook.");
            var first = part.Workbook.Sheets?.Elements<Sheet>().FirstOrDefault() ?? throw new InvalidDataException("No sheet.");
            var sheet = (WorksheetPart)part.GetPartById(first.Id!.Value!);
            var shared = part.SharedStringTablePart?.SharedStringTable.Elements<SharedStringItem>().Select(s => s.InnerText).ToArray() ?? [];
            var rows = new List<(int, string[])>();
            foreach (var row in sheet.Worksheet.Descendants<Row>())
            {
                var cells = new SortedDictionary<int, string>();
                var next = 0;
                foreach (var cell in row.Elements<Cell>())
                {
                    var column = cell.CellReference?.Value is { } reference ? ColumnIndex(reference) : next;
                    next = column + 1;
                    cells[column] = cell.DataType?.Value == CellValues.SharedString && int.TryParse(cell.CellValue?.Text, out var s) && s < shared.Length
                        ? shared[s]
                        : cell.DataType?.Value == CellValues.InlineString ? cell.InlineString?.InnerText ?? "" : cell.CellValue?.Text ?? "";
                }
                if (cells.Count == 0) continue;
                var values = new string[cells.Keys.Max() + 1];
                Array.Fill(values, "");
                foreach (var (column, value) in cells) values[column] = value;
                rows.Add(((int)(row.RowIndex?.Value ?? (uint)(rows.Count + 1)), values));
            }
            return rows;
        }
        catch (Exception e) when (e is OpenXmlPackageException or FileFormatException or System.IO.InvalidDataException or InvalidOperationException
            or ArgumentException or System.Xml.XmlException)
        {
            throw new InvalidDataException("Not an XLSX workbook.", e);
        }
    }

    static string ColumnName(int index) => index < 26 ? ((char)('A' + index)).ToString() : ColumnName(index / 26 - 1) + (char)('A' + index % 26);

    static int ColumnIndex(string reference)
    {
        var index = 0;
        foreach (var c in reference.TakeWhile(char.IsLetter)) index = index * 26 + (char.ToUpperInvariant(c) - 'A' + 1);
        return index - 1;
    }
}
