import { chromium } from 'playwright-core';
const base = 'http://127.0.0.1:3991';
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--headless', '--no-sandbox', '--disable-gpu'] });
const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
const errors = [];
page.on('pageerror', (e) => errors.push(e.message));
page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
await page.goto(base + '/documents');
await page.getByLabel('Username').fill('lead-analyst');
await page.getByLabel('Password').fill('a-long-lead-password-77');
await page.getByRole('button', { name: 'Sign in' }).click();
await page.waitForTimeout(1500);
await page.screenshot({ path: '/tmp/room39-lead/try/docs1.png', fullPage: false });
console.log((await page.locator('main').innerText()).slice(0, 1500));
const file = page.locator('input[type=file]');
console.log('file inputs', await file.count());
if (await file.count()) {
  await file.first().setInputFiles('/work/main/data/sources/seeds/002_2a4fc4ef2a7a7c81.txt').catch(async (e) => { console.log('ERR', e.message); });
  await page.waitForTimeout(500);
  const btn = page.getByRole('button', { name: /Submit|Upload/ });
  if (await btn.count()) await btn.first().click();
  await page.waitForTimeout(8000);
  console.log('URL', page.url());
  await page.screenshot({ path: '/tmp/room39-lead/try/docs2.png', fullPage: false });
  console.log((await page.locator('main').innerText()).slice(0, 3000));
}
console.log('errors', errors);
await browser.close();
