import { defineConfig } from '@playwright/test';

/**
 * The specs compute "today" and other days on the Node side (todayIso, addDays) and compare them with what
 * the browser shows in its zone; between 23:00 and midnight UTC the two days differ unless both run in
 * the browser's zone. Workers inherit this.
 */
const TIME_ZONE = 'Europe/Berlin';
process.env.TZ = TIME_ZONE;

const port = Number(process.env.RAPPORT_E2E_PORT ?? 4173);

// Debian's Chromium, never a downloaded browser: this machine and CI reach no browser CDN.
const executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export default defineConfig({
  testDir: 'tests/e2e',
  outputDir: 'test-results',
  timeout: 90_000,
  expect: { timeout: 15_000 },
  fullyParallel: false,
  workers: 1,
  retries: process.env.CI ? 1 : 0,
  reporter: [['list']],
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    locale: 'de-DE',
    timezoneId: TIME_ZONE,
    viewport: { width: 1366, height: 800 },
    trace: 'retain-on-failure',
    launchOptions: {
      executablePath,
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update'],
    },
  },
  webServer: {
    command: `npx vite preview --host 127.0.0.1 --port ${port} --strictPort`,
    url: `http://127.0.0.1:${port}`,
    reuseExistingServer: false,
    timeout: 60_000,
  },
});
