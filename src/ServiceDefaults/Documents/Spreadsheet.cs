using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace ServiceManufacturing.ServiceDefaults.Documents;

/// <summary>
/// One XLSX sheet of text rows (e.g. Review's 附件2 summary table, the auditors' timeline). Inline strings, so it opens
/// alike in Excel, WPS and LibreOffice.
/// </summary>
public static class Spreadsheet
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    /// <summary>The sheet <paramref name="name"/>; <paramref name="mergedTitleRows"/> first rows span every column.</summary>
    public static byte[] Write(string name, IReadOnlyList<string[]> rows, IReadOnlyList<int> widths, int mergedTitleRows = 0)
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
                        CellReference = $"{Column(col)}{r + 1}",
                        DataType = CellValues.InlineString,
                        InlineString = new InlineString(new Text(rows[r][col]) { Space = SpaceProcessingModeValues.Preserve }),
                    });
                data.Append(row);
            }
            var worksheet = new Worksheet(
                new Columns(widths.Select((w, i) => new Column { Min = (uint)(i + 1), Max = (uint)(i + 1), Width = w, CustomWidth = true })),
                data);
            if (mergedTitleRows > 0)
                worksheet.Append(new MergeCells(Enumerable.Range(1, mergedTitleRows)
                    .Select(r => new MergeCell { Reference = $"A{r}:{Column(widths.Count - 1)}{r}" })));
            sheet.Worksheet = worksheet;
            workbook.Workbook.AppendChild(new Sheets(new Sheet { Id = workbook.GetIdOfPart(sheet), SheetId = 1, Name = name }));
            workbook.Workbook.Save();
        }
        return memory.ToArray();
    }

    static string Column(int index) => index < 26 ? ((char)('A' + index)).ToString() : $"{(char)('A' + index / 26 - 1)}{(char)('A' + index % 26)}";
}
