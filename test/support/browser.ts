import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type Browser } from 'playwright-core';

export const CHROMIUM = '/usr/bin/chromium';

/** Why the browser suite cannot run here, or null when it can (CI installs Chromium with apt). */
export const browserMissing = (): string | null =>
  existsSync(CHROMIUM)
    ? null
    : `${CHROMIUM} is missing: install the Debian package chromium (and fonts-noto-cjk)`;

/**
 * Debian's Chromium, as the issue says: without the background-networking flags its connections are refused
 * on these machines.
 */
export const launchChromium = (): Promise<Browser> =>
  chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });

const ROOT = resolve(__dirname, '../..');

/** Builds the web app with the project's own Vite config into a fresh directory (about 2 s). */
export const buildWebApp = (): string => {
  const outDir = mkdtempSync(join(tmpdir(), 'crm-web-'));
  execFileSync(
    process.execPath,
    [
      join(ROOT, 'node_modules/vite/bin/vite.js'),
      'build',
      '--config',
      'web/vite.config.mts',
      '--outDir',
      outDir,
    ],
    { cwd: ROOT, stdio: 'pipe', env: { ...process.env, VITE_CONFIG_NATIVE_IGNORE_WARNING: 'true' } },
  );
  return outDir;
};

/** Git-ignored: screenshots a person can look at after the run. */
export const SCREENSHOTS = join(ROOT, 'test-artifacts/screenshots');
export const screenshotDir = (): string => {
  mkdirSync(SCREENSHOTS, { recursive: true });
  return SCREENSHOTS;
};
