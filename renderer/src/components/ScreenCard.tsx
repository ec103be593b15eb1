// A full-screen card for the screens shown before the app itself: first run, sign-in, lock, password change, recovery.
import { Card, Container, Stack, Title } from '@mantine/core';
import type { ReactNode } from 'react';

export function ScreenCard({ title, size = 'md', children }: { title: string; size?: 'sm' | 'md'; children: ReactNode }) {
  return (
    <Container size={size} py="xl">
      <Card withBorder padding="xl">
        <Stack>
          <Title order={1} size="h2">
            {title}
          </Title>
          {children}
        </Stack>
      </Card>
    </Container>
  );
}
