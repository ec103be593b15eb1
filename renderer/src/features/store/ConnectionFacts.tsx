// The server a PostgreSQL store is on, as a clerk reads it out to the database administrator: address:port/database,
// the database user, the encryption. Never the password (the backend does not send it).
import { Table } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { StoreStatus } from '@shared/api/store';

export type Connection = NonNullable<StoreStatus['connection']>;

export const whereOf = (c: Connection) => `${c.host}:${c.port}/${c.database}`;

export function ConnectionFacts({ connection, labels }: { connection: Connection; labels: { server: string; user: string } }) {
  const { t } = useTranslation();
  const rows: [string, string][] = [
    [labels.server, whereOf(connection)],
    [labels.user, connection.user],
    [t('store.card.encryption'), t(`store.sslLabel.${connection.sslmode}`)],
  ];
  return (
    <Table fz="lg" variant="vertical" withTableBorder layout="fixed" data-testid="store-connection">
      <Table.Tbody>
        {rows.map(([label, value]) => (
          <Table.Tr key={label}>
            <Table.Th w={{ base: 120, sm: 180 }}>{label}</Table.Th>
            <Table.Td style={{ overflowWrap: 'anywhere' }}>{value}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
