// Debian's Chromium driven by playwright-core for the console's end-to-end tests: a fresh profile
// per launch, no network but the server under test, and every console error and failed request
// recorded so that a test can assert there were none.
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';

export const CHROMIUM = '/usr/bin/chromium';

/** Why the browser tests cannot run here, or undefined when they can. */
export function chromiumMissing(): string | undefined {
  return existsSync(CHROMIUM) ? undefined : `${CHROMIUM} is missing: install Debian's chromium (apt-get install chromium), as .ci/run does`;
}

/** A browser with its own fresh profile, one page, and the problems that page ran into. */
export interface WatchedBrowser {
  context: BrowserContext;
  page: Page;
  /** Console errors, page errors, failed requests and HTTP errors, in order. */
  problems: string[];
  close(): Promise<void>;
}

/** Launches Chromium on a new empty profile, as CI does, with a page of this viewport. */
export async function launch(opts: { width: number; height: number; locale?: string }): Promise<WatchedBrowser> {
  const profile = mkdtempSync(join(tmpdir(), 'bulwark-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    // Without the background-networking flags Chromium keeps trying hosts this closed network refuses.
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync'],
    viewport: { width: opts.width, height: opts.height },
    locale: opts.locale ?? 'en-GB',
  });
  const page = context.pages()[0] ?? await context.newPage();
  const problems: string[] = [];
  page.on('console', (m) => { if (m.type() === 'error') problems.push(`console error: ${m.text()}`); });
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  page.on('requestfailed', (r) => problems.push(`request failed: ${r.method()} ${r.url()} ${r.failure()?.errorText ?? ''}`));
  page.on('response', (r) => { if (r.status() >= 400) problems.push(`HTTP ${r.status()}: ${r.request().method()} ${r.url()}`); });
  return {
    context, page, problems,
    async close() {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/** Signs in with `key` on the console at `url`. */
export async function signIn(page: Page, url: string, key: string): Promise<void> {
  await page.goto(url);
  await page.getByTestId('key').fill(key);
  await page.getByTestId('sign-in').click();
  // Attached rather than visible: on a phone the role badge folds away.
  await page.getByTestId('role').waitFor({ state: 'attached' });
}
