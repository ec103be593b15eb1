// The marks the register and the file share: 关爱等级 (高 red, 中 orange, 低 grey; "（手动）" when set by hand), the
// status, and the groups as small badges (高龄 included, derived from the birth date).
import { Badge, Group, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ElderRow } from '@shared/api/elders';
import type { ElderStatus, RiskLevel } from '@shared/domain/elders/vocab';
import type { ThemeColour } from '../../theme';

export const RISK_INK: Record<RiskLevel, ThemeColour> = { high: 'danger', medium: 'warning', low: 'muted' };
export const ELDER_STATUS_INK: Record<ElderStatus, ThemeColour> = { at_home: 'ok', in_centre: 'info', moved_away: 'muted', died: 'gray.8' };

export function RiskBadge({ risk, size = 'lg' }: { risk: ElderRow['risk']; size?: 'md' | 'lg' | 'xl' }) {
  const { t } = useTranslation();
  return (
    <Group gap={4} wrap="nowrap" data-testid="risk-level">
      <Badge size={size} color={RISK_INK[risk.level]} variant="filled">
        {t(`enums.riskLevel.${risk.level}`)}
      </Badge>
      {risk.override && (
        <Text size="sm" span style={{ whiteSpace: 'nowrap' }}>
          {t('elders.manual')}
        </Text>
      )}
    </Group>
  );
}

export function ElderStatusBadge({ status, size = 'lg' }: { status: ElderStatus; size?: 'md' | 'lg' | 'xl' }) {
  const { t } = useTranslation();
  return (
    <Badge size={size} color={ELDER_STATUS_INK[status]} variant="filled" data-testid="elder-status">
      {t(`enums.elderStatus.${status}`)}
    </Badge>
  );
}

export function GroupBadges({ groups }: { groups: ElderRow['groups'] }) {
  const { t } = useTranslation();
  if (groups.length === 0) return <Text span>—</Text>;
  return (
    <Group gap={4}>
      {groups.map((g) => (
        <Badge key={g} size="md" variant="light" color={g === 'over_80' ? 'info' : 'notice'} radius="sm">
          {g === 'over_80' ? t('elders.over80Short') : t(`enums.elderGroup.${g}`)}
        </Badge>
      ))}
    </Group>
  );
}
