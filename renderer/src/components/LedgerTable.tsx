// A ledger as printed: the centre's name and the title, the period, a ruled table, and the signature line —
// the layout inspectors expect for the care, handover, incident and fire-safety ledgers alike. More than seven
// columns print landscape; the header row repeats on every page; names and dates are never cut (components/print).
import { PrintText, printOrientationClass } from './print';

export interface PrintableLedger {
  title: string;
  from: string;
  to: string;
  columns: string[];
  rows: string[][];
}

export function LedgerTable({ ledger, centre, signatures, testId = 'ledger' }: { ledger: PrintableLedger; centre: string; signatures: string; testId?: string }) {
  const cell = { border: '1px solid #000', padding: '4px 6px', verticalAlign: 'top' as const, whiteSpace: 'pre-line' as const };
  return (
    <div data-testid={testId} className={printOrientationClass(ledger.columns.length)}>
      <h2 style={{ textAlign: 'center', margin: '8px 0' }}>
        {centre} {ledger.title}
      </h2>
      <p style={{ textAlign: 'center', margin: 0 }}>
        {ledger.from} 至 {ledger.to}
      </p>
      <table className="print-ledger" style={{ width: '100%', borderCollapse: 'collapse', marginTop: 8 }}>
        <thead>
          <tr>
            {ledger.columns.map((c) => (
              <th key={c} style={cell}>
                {c}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {ledger.rows.map((r, i) => (
            <tr key={i}>
              {r.map((v, j) => (
                <td key={j} style={cell}>
                  <PrintText text={v} />
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
      <p style={{ marginTop: 24, breakInside: 'avoid' }}>{signatures}</p>
    </div>
  );
}
