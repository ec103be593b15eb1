// Lists of problems in what the county reads are capped (issue 15): a hostile file must not turn a refusal into a
// report of thousands of lines. The first 50 are named, then how many more.
export const MAX_LISTED = 50;

/** The first `max` items, then 「还有 N 处」 when there are more. */
export function capped(items: readonly string[], max = MAX_LISTED): string[] {
  return items.length <= max ? [...items] : [...items.slice(0, max), `还有 ${items.length - max} 处`];
}

/** The same as one line of a message: 「a」、「b」，还有 N 处. */
export function listed(items: readonly string[], max = MAX_LISTED): string {
  const shown = items.slice(0, max).join('、');
  return items.length > max ? `${shown}，还有 ${items.length - max} 处` : shown;
}

/** A name taken from a file, safe to put in a message: no control characters, and not longer than a line. */
export function quoted(name: string): string {
  const clean = name.replace(/[\u0000-\u001f\u007f]/g, '?');
  return `「${clean.length > 60 ? `${clean.slice(0, 60)}…` : clean}」`;
}
