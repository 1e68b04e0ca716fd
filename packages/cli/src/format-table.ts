/** A column of a text table; `align: 'right'` suits numbers. */
export interface TableColumn {
  header: string;
  align?: 'left' | 'right';
}

/**
 * Lays rows out as an aligned text table with a header and a rule. Cells are
 * taken as they are: callers shorten long ones (see {@link truncate}).
 */
export function formatTable(columns: readonly TableColumn[], rows: readonly string[][]): string {
  const widths = columns.map((column, index) =>
    Math.max(column.header.length, ...rows.map((row) => (row[index] ?? '').length)),
  );
  const line = (cells: readonly string[]) =>
    columns
      .map((column, index) => {
        const cell = cells[index] ?? '';
        const width = widths[index] ?? 0;
        return column.align === 'right' ? cell.padStart(width) : cell.padEnd(width);
      })
      .join('  ')
      .trimEnd();
  const rule = widths.map((width) => '-'.repeat(width)).join('  ');
  return [line(columns.map((c) => c.header)), rule, ...rows.map(line)].join('\n') + '\n';
}

/** Cuts text to at most `max` characters, marking the cut with an ellipsis. */
export function truncate(text: string, max: number): string {
  if (text.length <= max) return text;
  return max <= 1 ? text.slice(0, max) : `${text.slice(0, max - 1)}…`;
}

/** `2,000`: counts as people read them, whatever the locale of the machine. */
export function formatCount(n: number): string {
  return n.toLocaleString('en-US');
}
