// A ledger exported to Excel prints like the app's paper: A4, landscape beyond seven columns, one page wide, the
// header row on every page.
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { ledgerWorkbook } from '../../electron/backend/ledger-excel';

async function pageSetupOf(columns: number) {
  const data = { title: '台账', from: '2026-03-01', to: '2026-03-31', columns: Array.from({ length: columns }, (_, i) => `列${i + 1}`), rows: [Array.from({ length: columns }, () => '张三')] };
  const book = new ExcelJS.Workbook();
  await book.xlsx.load((await ledgerWorkbook('测试镇敬老院', data)) as unknown as ArrayBuffer);
  return book.getWorksheet('台账')!.pageSetup;
}

describe('ledger workbook page setup', () => {
  it('prints a twelve-column ledger landscape, one page wide, with the header row repeated', async () => {
    expect(await pageSetupOf(12)).toMatchObject({ paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: '2:2' });
  });
  it('keeps a seven-column ledger portrait', async () => {
    expect(await pageSetupOf(7)).toMatchObject({ paperSize: 9, orientation: 'portrait', fitToWidth: 1 });
  });
});
