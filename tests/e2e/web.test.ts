// The web app in a real headless Chromium (Debian's), driven by playwright-core, against the real
// server on the bundled corpus. Screenshots of each page go to docs/screenshots/.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { chromium, type Browser, type Page } from 'playwright-core';
import type { AppContext } from '../../server/context.js';
import { buildCorpusIndex, serve } from '../helpers/index.js';

const CHROMIUM = '/usr/bin/chromium';
const ROOT = path.resolve(__dirname, '../..');
const SHOTS = path.join(ROOT, 'docs/screenshots');
const hasChromium = fs.existsSync(CHROMIUM);

describe.skipIf(!hasChromium)(`web app in Chromium${hasChromium ? '' : ` (skipped: Chromium not installed at ${CHROMIUM}; apt-get install -y chromium)`}`, () => {
  let ctx: AppContext;
  let server: { url: string; close: () => Promise<void> };
  let browser: Browser;
  let page: Page;
  const consoleErrors: string[] = [];

  beforeAll(async () => {
    execFileSync('npx', ['vite', 'build', '--config', 'web/vite.config.ts', '--logLevel', 'error'], { cwd: ROOT, stdio: 'inherit' });
    ctx = await buildCorpusIndex();
    server = await serve(ctx);
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'] });
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'zh-CN' });
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.url });
    page = await context.newPage();
    page.on('console', m => { if (m.type() === 'error') consoleErrors.push(m.text()); });
    page.on('pageerror', e => consoleErrors.push(e.message));
    fs.mkdirSync(SHOTS, { recursive: true });
  }, 240_000);
  afterAll(async () => { await browser?.close(); await server?.close(); await ctx?.engine.close(); });

  const search = async (q: string) => {
    await page.goto(server.url + '/');
    await page.getByLabel('检索条款').fill(q);
    await page.getByLabel('检索条款').press('Enter');
    await page.locator('#total').waitFor();
  };
  const total = async () => Number(await page.locator('#total strong').textContent());

  it('searches 瑞金机场 and shows highlighted results, with the query in the URL', async () => {
    await search('瑞金机场');
    expect(await page.locator('.hit mark').first().textContent()).toMatch(/瑞金|機場|机场/);
    expect(await total()).toBeGreaterThan(2);
    expect(decodeURIComponent(new URL(page.url()).search)).toContain('q=瑞金机场');
    await page.screenshot({ path: path.join(SHOTS, 'search.png'), fullPage: false });
  });

  it('filters by a unit facet and the count changes, with a removable chip', async () => {
    await search('机场');
    const before = await total();
    await page.locator('[data-facet="unit"]').first().click();
    await page.locator('#total').waitFor();
    await page.waitForFunction(b => Number(document.querySelector('#total strong')?.textContent) !== b, before);
    expect(await total()).toBeLessThan(before);
    await page.locator('.chip.filter').click();
    await page.waitForFunction(b => Number(document.querySelector('#total strong')?.textContent) === b, before);
  });

  it('opens a document from a result and lands on the clause, words still highlighted', async () => {
    await search('瑞金机场');
    const link = page.locator('.doc-link').first();
    const href = await link.getAttribute('href');
    await link.click();
    const id = decodeURIComponent(href!.split('#')[1]);
    const clause = page.locator(`[id="${id}"]`);
    await clause.waitFor();
    expect(await clause.getAttribute('class')).toContain('target');
    expect(await clause.locator('mark').count()).toBeGreaterThan(0);
    expect(await clause.isVisible()).toBe(true);
    await page.screenshot({ path: path.join(SHOTS, 'document.png') });
  });

  it('finds simplified text with a traditional query 長征國家文化公園', async () => {
    await search('長征國家文化公園');
    expect(await total()).toBeGreaterThan(0);
    expect(await page.locator('.hit .text').first().textContent()).toContain('长征国家文化公园');
  });

  it('tracks 瑞金机场 and lists documents oldest first', async () => {
    await page.goto(server.url + '/projects');
    await page.getByLabel('项目名称').fill('瑞金机场');
    await page.getByLabel('项目名称').press('Enter');
    await page.locator('.event').first().waitFor();
    const years = (await page.locator('.event .when').allTextContents()).map(t => Number(t.slice(0, 4)));
    expect(years.length).toBeGreaterThan(2);
    expect(years).toEqual([...years].sort((a, b) => a - b));
    expect(await page.locator('.chip.action').first().textContent()).toBe('前期工作');
    await page.screenshot({ path: path.join(SHOTS, 'projects.png') });
  });

  it('pastes a misquotation, shows its source with the difference marked, and copies a citation', async () => {
    await page.goto(server.url + '/cite');
    await page.getByLabel('粘贴引文（至少 8 个字）').fill('全市常住人口城镇化率由45.51%提高至58.31%');
    await page.getByRole('button', { name: '查找出处' }).click();
    await page.locator('.match').first().waitFor();
    expect(await page.locator('.verdict').first().textContent()).toContain('有出入');
    expect(await page.locator('.diff del').first().textContent()).toBe('8');
    expect(await page.locator('.diff ins').first().textContent()).toBe('5');
    await page.getByRole('button', { name: '复制公文引用' }).first().click();
    await page.getByRole('button', { name: '复制公文引用' }).first().filter({ hasText: '已复制' }).waitFor().catch(() => {});
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    expect(copied).toMatch(/^《.+》/);
    await page.screenshot({ path: path.join(SHOTS, 'cite.png') });
  });

  it('switches the display between simplified and traditional without changing the source', async () => {
    await search('农网改造');
    await page.locator('#script-toggle').click(); // 简体
    await page.waitForFunction(() => document.getElementById('script-toggle')?.textContent === '简体');
    await page.waitForFunction(() => document.querySelector('.hit .text')?.textContent?.includes('加大农网改造力度'));
    await page.locator('#script-toggle').click(); // 繁體
    await page.waitForFunction(() => document.getElementById('script-toggle')?.textContent === '繁體');
    await page.locator('#script-toggle').click(); // back to the original
  });

  it('is usable on a phone-sized screen', async () => {
    await page.setViewportSize({ width: 390, height: 844 });
    await search('赣深高铁');
    await page.screenshot({ path: path.join(SHOTS, 'search-mobile.png') });
    await page.setViewportSize({ width: 1280, height: 800 });
  });

  it('logged no console errors on any page', () => {
    expect(consoleErrors).toEqual([]);
  });
});
