// The wall menu board must fit ONE landscape A4 page: the largest type size at which the week's text, as it wraps
// in its columns, still fits the page. An estimate from the text (a CJK character is about one type size wide), with
// room to spare, so the page is known before printing and looks the same on screen.

/** The printable area of landscape A4 with 12 mm margins, in CSS pixels (96 per inch). */
const PAGE = { width: (273 / 25.4) * 96, height: (186 / 25.4) * 96 };
const LINE_HEIGHT = 1.35;
const CELL_PADDING = 2 * 8 + 2; // padding and borders of a cell, in px, each way
const SLACK = 0.9; // lines rarely break at the ideal place
const SIZES = [32, 30, 28, 26, 24, 22, 20, 18, 17, 16, 15, 14, 13, 12, 11, 10];

/** The width of a text in type sizes: full-width characters count one, others a little over half. */
function ems(text: string): number {
  let width = 0;
  for (const ch of text) width += /[\u0000-\u00ff]/.test(ch) ? 0.6 : 1;
  return width;
}

export interface BoardLayout {
  /** Type size of the dishes, in px. */
  font: number;
  /** Type size of the title. */
  title: number;
}

/**
 * `rows` are the days: for each, the day's label and, for each meal column, the lines of the cell (one per diet).
 */
export function fitBoard(rows: { label: string; cells: string[][] }[], columns: string[]): BoardLayout {
  for (const font of SIZES) {
    const layout = { font, title: Math.round(font * 1.5) };
    if (height(layout, rows, columns) <= PAGE.height * SLACK) return layout;
  }
  return { font: SIZES[SIZES.length - 1], title: Math.round(SIZES[SIZES.length - 1] * 1.5) };
}

function height({ font, title }: BoardLayout, rows: { label: string; cells: string[][] }[], columns: string[]): number {
  const line = font * LINE_HEIGHT;
  const labelWidth = Math.max(0, ...rows.map((r) => ems(r.label))) * font + CELL_PADDING;
  const columnWidth = (PAGE.width - labelWidth) / Math.max(1, columns.length) - CELL_PADDING;
  const linesOf = (text: string) => Math.max(1, Math.ceil((ems(text) * font) / (columnWidth * SLACK)));
  const heading = title * 1.2 + 16 + line + 12; // title with its margins, the week line, the gap above the table
  const header = Math.max(1, ...columns.map(linesOf)) * line + CELL_PADDING;
  const body = rows.reduce((sum, r) => sum + Math.max(1, ...r.cells.map((c) => c.reduce((n, text) => n + linesOf(text), 0))) * line + CELL_PADDING, 0);
  return heading + header + body;
}
