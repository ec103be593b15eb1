// The wall menu board must fit ONE landscape A4 page: the largest type size at which the week's text, as it wraps
// in its columns, still fits the page. An estimate from the text (a CJK character is about one type size wide), with
// room to spare, so the page is known before printing and looks the same on screen.

/** The printable area of landscape A4 with 12 mm margins, in CSS pixels (96 per inch). */
const PAGE = { width: (273 / 25.4) * 96, height: (186 / 25.4) * 96 };
const LINE_HEIGHT = 1.35;
const CELL_PADDING = 2 * 6 + 2; // padding and borders of a cell, in px, each way
const SLACK = 0.92; // lines rarely break at the ideal place
const SIZES = [32, 30, 28, 26, 24, 22, 20, 19, 18, 17, 16, 15, 14, 13, 12, 11, 10];

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

type Row = { label: string; cells: string[][] };

/** `rows` are the days: for each, the day's label and, for each meal column, the lines of the cell (one per diet). */
export function fitBoard(rows: Row[], columns: string[]): BoardLayout {
  const smallest = SIZES[SIZES.length - 1];
  for (const font of SIZES) {
    const layout = { font, title: Math.round(font * 1.5) };
    if (height(layout, rows, columns) <= PAGE.height * SLACK) return layout;
  }
  return { font: smallest, title: Math.round(smallest * 1.5) };
}

function height({ font, title }: BoardLayout, rows: Row[], columns: string[]): number {
  const line = font * LINE_HEIGHT;
  const labelWidth = Math.max(0, ...rows.map((r) => ems(r.label))) * font + CELL_PADDING;
  // As the browser lays out a table: each column gets width in proportion to its longest line.
  const longest = columns.map((c, i) => Math.max(ems(c), ...rows.flatMap((r) => (r.cells[i] ?? []).map(ems))) * font);
  const room = PAGE.width - labelWidth - columns.length * CELL_PADDING;
  const total = longest.reduce((a, b) => a + b, 0);
  const widths = longest.map((w) => (total <= room ? w : (room * w) / total));
  const linesOf = (text: string, i: number) => {
    const need = ems(text) * font;
    return need <= widths[i] ? 1 : Math.ceil(need / (widths[i] * SLACK));
  };
  const heading = title * 1.2 + 16 + line + 12; // title with its margins, the week line, the gap above the table
  const header = Math.max(1, ...columns.map(linesOf)) * line + CELL_PADDING;
  const body = rows.reduce((sum, r) => sum + Math.max(1, ...r.cells.map((c, i) => c.reduce((n, text) => n + linesOf(text, i), 0))) * line + CELL_PADDING, 0);
  return heading + header + body;
}
