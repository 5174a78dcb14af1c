import { defineConfig } from 'vitest/config';

// One run, four rooms: the server over real HTTP and realtime over real sockets, the widget in happy-dom,
// and the whole product in real Chromium.
export default defineConfig({
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: 'server',
          // Two at a time on two cores: most of a file's time is waiting on sockets and the embedded database.
          maxWorkers: 2,
          include: ['test/server/**/*.test.ts'],
          environment: 'node',
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
      {
        extends: true,
        test: {
          name: 'widget',
          // Two at a time on two cores: most of a file's time is waiting on sockets and the embedded database.
          maxWorkers: 2,
          include: ['test/widget/**/*.test.{ts,tsx}'],
          environment: 'happy-dom',
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
      {
        extends: true,
        test: {
          name: 'realtime',
          // Two at a time on two cores: most of a file's time is waiting on sockets and the embedded database.
          maxWorkers: 2,
          include: ['test/realtime/**/*.test.ts'],
          environment: 'node',
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
      {
        extends: true,
        test: {
          name: 'browser',
          include: ['test/browser/**/*.test.ts'],
          environment: 'node',
          // Each file starts its own server and Chromium; one file at a time, after the other projects,
          // so the two cores are not fought over and no wait needs a tight deadline.
          fileParallelism: false,
          sequence: { groupOrder: 1 },
          testTimeout: 90_000,
          hookTimeout: 90_000,
        },
      },
      {
        extends: true,
        test: {
          // The same widget against the hosted API's surface only (TINYCHAT_COMPAT=hosted: no Idempotency-Key, no
          // features): the files that prove sends, lost answers, reloads, two tabs, offline spells and restarts.
          // `TINYCHAT_COMPAT=hosted npx vitest run --project browser` runs every browser file that way.
          name: 'browser-hosted',
          include: ['test/browser/{hostedApi,conversation,offline,restart}.test.ts'],
          environment: 'node',
          env: { TINYCHAT_COMPAT: 'hosted' },
          fileParallelism: false,
          sequence: { groupOrder: 2 },
          testTimeout: 90_000,
          hookTimeout: 90_000,
        },
      },
      {
        extends: true,
        test: {
          name: 'package',
          include: ['test/package/**/*.test.ts'],
          environment: 'node',
          // Packs, installs and builds the examples (npm and several compilers): alone, after everything else.
          sequence: { groupOrder: 3 },
          testTimeout: 600_000,
          hookTimeout: 600_000,
        },
      },
    ],
  },
});
