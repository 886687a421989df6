import { chromium } from 'playwright-core';
import { readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
const [a, b] = process.argv.slice(2);
const files = [];
const walk = (d) => {
  for (const f of readdirSync(d)) {
    const p = join(d, f);
    if (statSync(p).isDirectory()) walk(p);
    else if (p.endsWith('.html')) files.push(relative(a, p));
  }
};
walk(a);
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox'] });
const page = await browser.newPage({ javaScriptEnabled: false });
let diffs = 0;
for (const f of files) {
  const texts = [];
  for (const root of [a, b]) {
    await page.goto('file://' + join(root, f));
    texts.push(
      await page.evaluate(() => {
        document.querySelectorAll('details').forEach((d) => (d.open = true));
        return (
          document.documentElement.innerText +
          '\n' +
          [...document.querySelectorAll('textarea,pre')].map((e) => e.value ?? e.textContent).join('\n')
        );
      }),
    );
  }
  if (texts[0] !== texts[1]) {
    diffs++;
    console.log('DIFF', f);
    const x = texts[0].split('\n'),
      y = texts[1].split('\n');
    for (let i = 0; i < Math.max(x.length, y.length); i++)
      if (x[i] !== y[i]) {
        console.log('  -', JSON.stringify(x[i]), '\n  +', JSON.stringify(y[i]));
        break;
      }
  }
}
console.log(files.length, 'pages,', diffs, 'with different rendered text');
await browser.close();
