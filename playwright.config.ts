import { defineConfig } from '@playwright/test';
import { chromiumPath, installCommand } from './test/prerequisites';

// Debian's Chromium: Playwright's own browser download is not reachable here. `npm test` installs it when missing.
function chromium(): string {
  const found = chromiumPath();
  if (!found) throw new Error(`未找到 chromium：请运行 npm test（它会安装），或 ${installCommand(['chromium'])}；也可设 CHROMIUM_PATH`);
  return found;
}

export default defineConfig({
  testDir: 'test/e2e',
  timeout: 90_000,
  expect: { timeout: 10_000 },
  fullyParallel: false,
  workers: 1,
  retries: 0,
  reporter: [['list'], ['json', { outputFile: 'test-results/e2e.json' }]],
  use: {
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    viewport: { width: 1366, height: 860 },
    screenshot: 'only-on-failure',
    launchOptions: {
      executablePath: chromium(),
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
    },
  },
});
