// A titled card of rows: the heading (with a button beside it where there is one), then the page's own words when
// there are no rows, otherwise the rows themselves (a table, a list). Loading and failure stay with QueryView around it.
// ListTable is the striped table most such cards (and plain lists) show their rows in.
import { Card, type CardProps, Group, Table, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { EmptyState } from './States';

export interface ListCardProps {
  title: ReactNode;
  /** Beside the heading, on its right (a print button). */
  actions?: ReactNode;
  /** Under the heading whether or not there are rows (a line that only the printed sheet shows). */
  intro?: ReactNode;
  /** The rows the card lists: with none of them, `empty` stands in place of the children. */
  rows?: readonly unknown[];
  /** What to say when there are no rows; without it the children show whatever the rows are. */
  empty?: ReactNode;
  /** The words as a plain line rather than the centred, roomy empty state (a short card on the home page). */
  plainEmpty?: boolean;
  padding?: CardProps['padding'];
  id?: string;
  'data-testid'?: string;
  children: ReactNode;
}

export function ListCard({ title, actions, intro, rows, empty, plainEmpty, children, ...card }: ListCardProps) {
  const heading = actions ? (
    <Group justify="space-between" mb="sm">
      <Title order={3}>{title}</Title>
      {actions}
    </Group>
  ) : (
    <Title order={3} mb="sm">
      {title}
    </Title>
  );
  const emptyLine = plainEmpty ? <Text>{empty}</Text> : <EmptyState>{empty}</EmptyState>;
  return (
    <Card withBorder {...card}>
      {heading}
      {intro}
      {empty !== undefined && rows?.length === 0 ? emptyLine : children}
    </Card>
  );
}

export interface ListTableProps {
  /** The column heads in order; a false entry (a column this person does not get) is left out. */
  heads: readonly (string | false)[];
  /** On a narrow screen the table scrolls sideways rather than squeezing below this width. */
  minWidth?: number;
  /** Cells keep to one line (many columns: names are not broken per character). */
  nowrap?: boolean;
  /** Mantine's tighter rows and a frame around the table (the kitchen sheet, made to be printed). */
  compact?: boolean;
  bordered?: boolean;
  testId?: string;
  /** The rows (Table.Tr). */
  children: ReactNode;
}

const NOWRAP = { whiteSpace: 'nowrap' } as const;

export function ListTable({ heads, minWidth, nowrap, compact, bordered, testId, children }: ListTableProps) {
  const table = (
    <Table striped fz="md" verticalSpacing={compact ? undefined : 'sm'} withTableBorder={bordered} style={nowrap ? NOWRAP : undefined} data-testid={testId}>
      <Table.Thead>
        <Table.Tr>
          {heads.map((head, i) => head !== false && <Table.Th key={i}>{head}</Table.Th>)}
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>{children}</Table.Tbody>
    </Table>
  );
  if (minWidth === undefined) return table;
  // A table that scrolls sideways can be scrolled from the keyboard too, even when no cell holds a button or a link.
  return (
    <Table.ScrollContainer minWidth={minWidth} type="native" tabIndex={0}>
      {table}
    </Table.ScrollContainer>
  );
}
