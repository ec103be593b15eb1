// What every printed page shares (the rules themselves are in styles.css): a table of more than seven columns is
// printed landscape, and names, dates and times in a cell never break inside.
import { Fragment } from 'react';

/** Portrait A4 holds seven columns of a ledger; more go landscape. */
export const MAX_PORTRAIT_COLUMNS = 7;

/**
 * The class that prints a table with this many columns landscape. The whole printout turns (styles.css), not just
 * the table: a document mixing orientations leaves a blank portrait sheet behind.
 */
export function printOrientationClass(columnCount: number): string | undefined {
  return columnCount > MAX_PORTRAIT_COLUMNS ? 'print-wide' : undefined;
}

/** A word this long or shorter is a name, a date, a time, a bed or a figure: it is never split across lines. */
const KEEP_WHOLE_UP_TO = 16;

/**
 * A cell's text as printed: lines break only between words (at spaces), so "2026-03-16 22:30" may take two lines
 * but neither the date nor the time, nor a name, is ever cut; long free text still wraps wherever it must.
 */
export function PrintText({ text }: { text: string }) {
  const parts = text.split(/(\s+)/);
  return (
    <>
      {parts.map((part, i) =>
        part.length > 0 && part.length <= KEEP_WHOLE_UP_TO && !/\s/.test(part) ? (
          <span key={i} className="print-nowrap">
            {part}
          </span>
        ) : (
          <Fragment key={i}>{part}</Fragment>
        ),
      )}
    </>
  );
}
