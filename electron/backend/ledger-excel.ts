// One ledger as an Excel sheet: the centre's name, title and period on top, a bold header row, wrapped text cells —
// shared by the care, handover, incident and fire-safety ledgers.
import ExcelJS from 'exceljs';

export interface LedgerData {
  title: string;
  from: string;
  to: string;
  columns: string[];
  rows: string[][];
}

/** Adds one ledger as a sheet; `heading` is the bold first line. */
export function addLedgerSheet(workbook: ExcelJS.Workbook, heading: string, data: LedgerData): void {
  const sheet = workbook.addWorksheet(data.title);
  sheet.addRow([heading]).font = { bold: true, size: 14 };
  sheet.addRow(data.columns).font = { bold: true };
  for (const row of data.rows) sheet.addRow(row).alignment = { wrapText: true, vertical: 'top' };
  // Printed from Excel as on the app's paper: A4 with 12 mm margins, landscape beyond seven columns (the same rule
  // as renderer/src/components/print.tsx), one page wide, the header row repeated on every page.
  const inch = 12 / 25.4;
  sheet.pageSetup = {
    paperSize: 9,
    orientation: data.columns.length > 7 ? 'landscape' : 'portrait',
    fitToPage: true,
    fitToWidth: 1,
    fitToHeight: 0,
    printTitlesRow: '2:2',
    margins: { left: inch, right: inch, top: inch, bottom: inch, header: 0.3, footer: 0.3 },
  };
  // Wide enough for what is in the first rows, within reason.
  sheet.columns.forEach((c, i) => (c.width = Math.min(50, Math.max(10, ...data.rows.slice(0, 200).map((r) => (r[i] ?? '').length + 2), (data.columns[i]?.length ?? 4) * 2 + 2))));
}

export async function ledgerWorkbook(centre: string, data: LedgerData): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = '乡镇敬老院运营系统';
  addLedgerSheet(workbook, `${centre} ${data.title}（${data.from} 至 ${data.to}）`, data);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
