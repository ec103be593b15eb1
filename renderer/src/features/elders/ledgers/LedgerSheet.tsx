// The frame the three printed ledgers of issue 17 share, in the style of the app's other ledgers (LedgerTable): the
// township's name and the ledger's title centred, the period and the range under it, a ruled table whose header row
// repeats on every page, and the signature line (填表人/审核人/日期). Always A4 landscape (print-wide: the whole
// printout turns); the page numbers come from styles.css (@page). Columns have fixed widths so fifteen of them fit
// the sheet; names, dates, phones and ID numbers never break inside (Keep), free text wraps where it must.
import { Button, Group, Select } from '@mantine/core';
import { Fragment, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useLedgerFacility } from './queries';

export interface SheetColumn {
  head: string;
  /** Share of the sheet's width, e.g. '8%'. */
  width: string;
}

/**
 * Smaller print than the other ledgers (10.5pt): fifteen columns on a landscape sheet. On screen the same sheet at
 * the same proportions (wide enough that what is kept whole fits), scrolling sideways.
 */
const CSS = `
.elder-ledger-scroll { overflow-x: auto; }
.elder-ledger table { min-width: 1400px; }
.elder-ledger { font-size: 15px; }
.elder-ledger .print-nowrap { white-space: nowrap; }
@media print {
  .elder-ledger-scroll { overflow: visible; }
  .elder-ledger table { min-width: 0; }
  .elder-ledger { font-size: 8.5pt; }
  .elder-ledger h2 { font-size: 15pt; }
}
`;

export const CELL = { border: '1px solid #000', padding: '2px 3px', verticalAlign: 'top', overflowWrap: 'anywhere' } as const;

/** A name, date, time, phone or ID number: never broken inside on paper. */
export function Keep({ children, strong }: { children: ReactNode; strong?: boolean }) {
  return <span className="print-nowrap" style={strong ? { fontWeight: 700 } : undefined}>{children}</span>;
}

/**
 * Several short items (groups, sources, diseases), each kept whole up to `keepUpTo` characters, the line breaking
 * between them; a longer item (a description) wraps where it must rather than run out of its narrow column.
 */
export function KeepList({ items, separator = '、', keepUpTo = 6 }: { items: string[]; separator?: string; keepUpTo?: number }) {
  return (
    <>
      {items.map((item, i) => {
        const text = `${item}${i < items.length - 1 ? separator : ''}`;
        return (
          <Fragment key={i}>
            {i > 0 && <wbr />}
            {item.length <= keepUpTo ? <Keep>{text}</Keep> : text}
          </Fragment>
        );
      })}
    </>
  );
}

/** Lines inside one cell (a relative, a problem, a follow-up each on its own). */
export function Lines({ children }: { children: ReactNode[] }) {
  return (
    <>
      {children.map((line, i) => (
        <div key={i} style={i > 0 ? { marginTop: 2 } : undefined}>
          {line}
        </div>
      ))}
    </>
  );
}

export function LedgerSheet(p: { title: string; period: string; scope: string; count: string; columns: SheetColumn[]; children: ReactNode; after?: ReactNode; testId: string }) {
  const { t } = useTranslation();
  const facility = useLedgerFacility();
  const township = facility.data?.township ?? '';
  return (
    <div className="print-wide elder-ledger" data-testid={p.testId}>
      <style>{CSS}</style>
      <h2 style={{ textAlign: 'center', margin: '4px 0' }}>
        {township} {p.title}
      </h2>
      <p style={{ textAlign: 'center', margin: '0 0 4px' }}>
        {p.period}　{p.scope}　{p.count}
      </p>
      {/* Focusable: on a narrow screen the keyboard scrolls the wide table sideways. */}
      <div className="elder-ledger-scroll" tabIndex={0} role="region" aria-label={p.title}>
        <table style={{ width: '100%', borderCollapse: 'collapse', tableLayout: 'fixed' }}>
          <colgroup>
            {p.columns.map((c) => (
              <col key={c.head} style={{ width: c.width }} />
            ))}
          </colgroup>
          <thead>
            <tr>
              {p.columns.map((c) => (
                <th key={c.head} style={{ ...CELL, textAlign: 'center', verticalAlign: 'middle' }}>
                  {c.head}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>{p.children}</tbody>
        </table>
      </div>
      {p.after}
      <p style={{ marginTop: 20, breakInside: 'avoid' }}>{t('ledgers.signatures')}</p>
    </div>
  );
}

/** The controls above a ledger (not printed): back to its module's page, the village (and month), and 打印. */
export function LedgerToolbar(p: { back: string; village: string | null; onVillage: (id: string | null) => void; villages: { id: string; name: string; retired: boolean }[]; canPrint: boolean; children?: ReactNode }) {
  const { t } = useTranslation();
  return (
    <Group align="end" className="screen-only" wrap="wrap">
      <Button size="lg" variant="outline" component={Link} to={p.back}>
        {t('ledgers.back')}
      </Button>
      <Select
        size="lg"
        label={t('ledgers.village')}
        allowDeselect={false}
        value={p.village ?? ''}
        onChange={(v) => p.onVillage(v ? v : null)}
        data={[{ value: '', label: t('ledgers.allVillages') }, ...p.villages.map((v) => ({ value: v.id, label: v.retired ? t('ledgers.retiredVillage', { name: v.name }) : v.name }))]}
      />
      {p.children}
      <Button size="lg" onClick={() => window.print()} disabled={!p.canPrint}>
        {t('ledgers.print')}
      </Button>
    </Group>
  );
}
