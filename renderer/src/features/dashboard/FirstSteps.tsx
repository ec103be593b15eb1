// 第一步: the short checklist an empty centre sees on its home page instead of alarms. The backend works out each
// item from the records, so it ticks itself; once every item is done the list is gone.
import { Badge, Button, Card, Group, List, Text, ThemeIcon, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { FirstSteps as Steps } from '@shared/api/dashboard';

const ITEMS = [
  { key: 'beds', to: '/facility' },
  { key: 'staffPins', to: '/staff' },
  { key: 'roster', to: '/roster' },
  { key: 'county', to: '/sync' },
] as const;

export function FirstSteps({ steps }: { steps: Steps }) {
  const { t } = useTranslation();
  if (steps.allDone) return null;
  return (
    <Card withBorder padding="lg" data-testid="first-steps" aria-labelledby="first-steps-title">
      <Title order={3} id="first-steps-title">
        {t('firstDay.steps.title')}
      </Title>
      <Text mb="sm">{t('firstDay.steps.intro')}</Text>
      <List spacing="sm" listStyleType="none">
        {ITEMS.map(({ key, to }, i) => {
          const done = steps[key];
          return (
            <List.Item key={key} data-testid={`first-step-${key}`} data-done={done}>
              <Group gap="sm" wrap="wrap">
                <ThemeIcon color={done ? 'teal' : 'gray.7'} variant={done ? 'filled' : 'outline'} radius="xl" size="lg" aria-hidden>
                  {done ? '✓' : i + 1}
                </ThemeIcon>
                <Text fw={done ? 400 : 700} td={done ? 'line-through' : undefined}>
                  {t(`firstDay.steps.${key}`)}
                </Text>
                <Badge color={done ? 'teal' : 'warning'} variant="filled">
                  {done ? t('firstDay.steps.done') : t('firstDay.steps.todo')}
                </Badge>
                {!done && (
                  <Button component={Link} to={to} variant="outline" size="compact-md" aria-label={`${t('firstDay.steps.go')}：${t(`firstDay.steps.${key}`)}`}>
                    {t('firstDay.steps.go')}
                  </Button>
                )}
              </Group>
            </List.Item>
          );
        })}
      </List>
    </Card>
  );
}
