/**
 * Embedding as a journalist does it, in a real Chromium: a page served from a second origin (another port)
 * pastes the code published on the chart page, and the iframe takes the chart's height; a page that only has
 * Datawrapper's resize listener resizes it too; old addresses of data.eig-forever.org take a reader to the right
 * chart (inside an old blog post's iframe, they show its embed: tests/e2e/old-frames.test.ts).
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, BrowserContext, Frame, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it, type ExpectStatic } from 'vitest';
import { charts, legacyAnchors } from '../../src/charts/registry.ts';
import { guardedContext, inParallel, launchChromium, visit, type Guard } from '../support/browser.ts';
import { plainSpaces } from '../support/dist.ts';
import { startStaticServer, type StaticServer } from '../../src/bench/static-server.ts';

const dist = inject('siteDir');
/**
 * The listener pages carry when they embed Datawrapper charts (the shape of Datawrapper's published
 * responsive-embed script): it sets the height of the iframe a `datawrapper-height` message comes from.
 */
const DATAWRAPPER_LISTENER = `<script>!function(){"use strict";window.addEventListener("message",function(a){if(void 0!==a.data["datawrapper-height"]){var e=document.querySelectorAll("iframe");for(var t in a.data["datawrapper-height"])for(var r=0;r<e.length;r++)if(e[r].contentWindow===a.source){var i=a.data["datawrapper-height"][t]+"px";e[r].style.height=i}}})}();</script>`;

let site: StaticServer;
let host: StaticServer;
let hostRoot: string;
let browser: Browser;
let context: BrowserContext;
let guard: Guard;

const article = (title: string, body: string) =>
  `<!doctype html><html lang="fr"><head><meta charset="utf-8"><link rel="icon" href="data:,"><title>${title}</title>` +
  `<style>body{font-family:sans-serif;margin:0 auto;max-width:640px;padding:1rem}</style></head>` +
  `<body><h1>${title}</h1><p>Un paragraphe d’article avant le graphique.</p>${body}<p>La suite de l’article.</p></body></html>`;

/** The embed code of a chart page, as a journalist copies it, pointing at the local site instead of the real one. */
async function publishedSnippet(slug: string): Promise<string> {
  const page = await context.newPage();
  await page.goto(`${site.url}/graphiques/${slug}/`);
  const code = await page.locator('#code-integration').inputValue();
  await page.close();
  const published = new URL(/<iframe src="([^"]+)"/u.exec(code)![1]!).origin;
  return code.replaceAll(published, site.url);
}

beforeAll(async () => {
  site = await startStaticServer(dist);
  hostRoot = await mkdtemp(join(tmpdir(), 'eig-host-'));
  host = await startStaticServer(hostRoot);
  browser = await launchChromium();
  ({ context, guard } = await guardedContext(browser, [site.url, host.url], {
    viewport: { width: 1024, height: 800 },
  }));
  const snippets = await inParallel(charts, 4, (chart) => publishedSnippet(chart.slug));
  for (const [i, chart] of charts.entries()) {
    await writeFile(join(hostRoot, `journal-${chart.slug}.html`), article(`Article : ${chart.slug}`, snippets[i]!));
  }
  // Every chart on one page that has Datawrapper's listener and not embed.js: the messages carry the slug.
  await writeFile(
    join(hostRoot, 'datawrapper.html'),
    article(
      'Datawrapper',
      charts
        .map(
          (c) =>
            `<iframe src="${site.url}/embed/${c.slug}/" title="${c.slug}" width="100%" height="200" style="border:0;width:100%"></iframe>`,
        )
        .join('') + DATAWRAPPER_LISTENER,
    ),
  );
  // Resize scripts that start listening once the chart has spoken (a slow page): Datawrapper's listener set up
  // 1,5 s after the frame has loaded, and embed.js added to the page then.
  const late = (code: string) =>
    `<script>document.querySelector('iframe').addEventListener('load', function () { setTimeout(function () { ${code} }, 1500); });</script>`;
  const lateFrame = `<iframe src="${site.url}/embed/promotions/" title="promotions" height="150" style="border:0;width:100%"></iframe>`;
  await writeFile(
    join(hostRoot, 'datawrapper-tardif.html'),
    article('Datawrapper tardif', lateFrame + late(DATAWRAPPER_LISTENER.slice('<script>'.length, -'</script>'.length))),
  );
  await writeFile(
    join(hostRoot, 'embed-js-tardif.html'),
    article(
      'embed.js tardif',
      lateFrame +
        late(`var s = document.createElement('script'); s.src = '${site.url}/embed.js'; document.body.appendChild(s);`),
    ),
  );
  // A frame of another origin claiming a height: embed.js must not believe it.
  await writeFile(
    join(hostRoot, 'liar.html'),
    `<!doctype html><title>x</title><script>setInterval(()=>parent.postMessage({type:'eig-embed:height',slug:'x',height:2000},'*'),50)</script>`,
  );
  await writeFile(
    join(hostRoot, 'journal-imposteur.html'),
    article(
      'Imposteur',
      `<iframe src="/liar.html" title="autre" height="150"></iframe><script src="${site.url}/embed.js"></script>`,
    ),
  );
});

afterAll(async () => {
  await browser?.close();
  await site?.close();
  await host?.close();
  if (hostRoot) await rm(hostRoot, { recursive: true, force: true });
});

/** The page's only iframe. */
async function childFrame(page: Page): Promise<Frame> {
  await page.waitForSelector('iframe');
  return (await (await page.$('iframe'))!.contentFrame())!;
}

/** Waits until the iframe is exactly as high as its document, and returns that height. */
/**
 * Waits until embed.js has given the iframe the height of its content, and returns it. The content may still grow
 * by a pixel as a busy machine finishes its layout; the embed then says its new height: the frame and its
 * content are compared together, until they agree.
 */
async function fitsContent(page: Page, frame: Frame, expect: ExpectStatic): Promise<number> {
  const content = () => frame.evaluate(() => Math.ceil(document.documentElement.getBoundingClientRect().height));
  const iframe = page.locator('iframe');
  await frame.locator('figure.chart-figure svg[role="img"]:visible').waitFor();
  await expect
    .poll(
      async () => {
        // embed.js sets the style (the published code starts from an estimate written in the height attribute).
        const style = await iframe.evaluate((e) => e.style.height);
        const box = await iframe.evaluate((e) => e.getBoundingClientRect().height);
        const height = await content();
        return style === `${height}px` && box === height
          ? 'égales'
          : `cadre ${style} (${box} px), contenu ${height} px`;
      },
      { timeout: 10_000 },
    )
    .toBe('égales');
  return content();
}

describe('the origins', () => {
  it('are two: the site and the page embedding it', () => {
    expect(new URL(site.url).origin).not.toBe(new URL(host.url).origin);
  });
});

describe.concurrent('a chart embedded with the published code', () => {
  it.for(charts.map((c) => c.slug))(
    '%s: the iframe takes the height of the chart (embed.js)',
    async (slug, { expect }) => {
      const { page, problems } = await visit(context, `${host.url}/journal-${slug}.html`, 'load');
      const frame = await childFrame(page);
      expect(frame.url()).toBe(`${site.url}/embed/${slug}/`);
      const height = await fitsContent(page, frame, expect);
      expect(height).toBeGreaterThan(200);
      await expect(frame.evaluate(() => document.documentElement.scrollHeight <= innerHeight)).resolves.toBe(true);
      await page.close();
      expect(problems.errors).toEqual([]);
      expect(problems.failed).toEqual([]);
    },
  );
});

describe('a page with only Datawrapper’s resize listener (no embed.js)', () => {
  it('resizes the iframe of every chart', async () => {
    const { page, problems } = await visit(context, `${host.url}/datawrapper.html`, 'load');
    const iframes = page.locator('iframe');
    await expect(iframes.count()).resolves.toBe(charts.length);
    for (let i = 0; i < charts.length; i++) {
      const frame = (await (await iframes.nth(i).elementHandle())!.contentFrame())!;
      expect(frame.url()).toBe(`${site.url}/embed/${charts[i]!.slug}/`);
      // As a reader scrolls to it: Chromium does not lay out cross-origin frames out of view.
      await iframes.nth(i).scrollIntoViewIfNeeded();
      await frame.locator('figure.chart-figure svg[role="img"]:visible').waitFor();
      const content = () => frame.evaluate(() => Math.ceil(document.documentElement.getBoundingClientRect().height));
      // A frame the listener resized lays out again before it reports: on a busy machine that takes a few seconds.
      await expect
        .poll(
          async () => {
            const frameHeight = await iframes.nth(i).evaluate((e) => e.style.height);
            const contentHeight = `${await content()}px`;
            return frameHeight === contentHeight ? 'égales' : `cadre ${frameHeight}, contenu ${contentHeight}`;
          },
          { message: `hauteur du cadre de ${charts[i]!.slug}`, timeout: 20_000 },
        )
        .toBe('égales');
      expect(await content()).toBeGreaterThan(200);
    }
    await page.close();
    expect(problems.errors).toEqual([]);
    expect(problems.failed).toEqual([]);
  });
});

describe('a resize script that starts listening after the chart has loaded', () => {
  it.for(['datawrapper-tardif', 'embed-js-tardif'])('%s: still gets the height and resizes the frame', async (name) => {
    const { page, problems } = await visit(context, `${host.url}/${name}.html`, 'load');
    const frame = await childFrame(page);
    // The frame fits its content to its first 150 px: it must grow to the chart's full height (a few hundred px).
    const content = () => frame.evaluate(() => Math.ceil(document.documentElement.getBoundingClientRect().height));
    await expect
      .poll(
        async () => {
          const height = await page.locator('iframe').evaluate((e) => Math.round(e.getBoundingClientRect().height));
          return height > 200 && height === (await content())
            ? 'agrandi'
            : `cadre ${height}, contenu ${await content()}`;
        },
        { timeout: 10_000 },
      )
      .toBe('agrandi');
    await page.close();
    expect(problems.errors).toEqual([]);
    expect(problems.failed).toEqual([]);
  });
});

describe('embed.js', () => {
  it('ignores height messages from frames of other origins', async () => {
    const { page } = await visit(context, `${host.url}/journal-imposteur.html`, 'load');
    await page.waitForFunction(() => (window as { __eigEmbedResize?: boolean }).__eigEmbedResize === true);
    // The other frame keeps posting; give embed.js several of its messages to (not) act on.
    await page.waitForTimeout(300);
    await expect(page.locator('iframe').evaluate((e) => [e.style.height, e.getAttribute('height')])).resolves.toEqual([
      '',
      '150',
    ]);
    await page.close();
  });
});

describe.concurrent('old addresses of data.eig-forever.org', () => {
  const anchors = legacyAnchors();

  it('are declared by the registry', () => {
    expect(anchors.length).toBeGreaterThan(0);
  });

  it.for(anchors)(
    '/#$anchor and /$anchor take a reader to the chart page of $slug',
    async ({ anchor, slug }, { expect }) => {
      for (const path of [`/#${anchor}`, `/${anchor}`, `/${anchor}/`]) {
        const { page, problems } = await visit(context, site.url + path, 'load');
        await page.waitForURL(`${site.url}/graphiques/${slug}/`);
        await expect(
          page
            .locator('h1')
            .textContent()
            .then((t) => plainSpaces(t ?? '')),
        ).resolves.toBe(plainSpaces(charts.find((c) => c.slug === slug)!.title));
        await page.close();
        expect(problems.errors, path).toEqual([]);
      }
    },
  );

  it('the old « à propos » anchor leads to the about page', async () => {
    const { page } = await visit(context, `${site.url}/#a-propos`, 'load');
    await page.waitForURL(`${site.url}/a-propos/`);
    await page.close();
  });
});

describe('the embed’s theme', () => {
  it('is light on a dark system unless the address asks for ?theme=auto or ?theme=dark', async () => {
    const dark = await browser.newContext({ colorScheme: 'dark' });
    const page = await dark.newPage();
    const background = async (path: string) => {
      await page.goto(site.url + path, { waitUntil: 'load' });
      return page.evaluate(() => {
        const [r, g, b] = (getComputedStyle(document.documentElement).backgroundColor.match(/\d+/gu) ?? []).map(Number);
        return 0.2126 * r! + 0.7152 * g! + 0.0722 * b! > 128 ? 'clair' : 'sombre';
      });
    };
    for (const { slug } of charts) {
      await expect(background(`/embed/${slug}/`), slug).resolves.toBe('clair');
      await expect(background(`/embed/${slug}/?theme=auto`), slug).resolves.toBe('sombre');
      await expect(background(`/embed/${slug}/?theme=dark`), slug).resolves.toBe('sombre');
    }
    await dark.close();
  });
});

describe('requests', () => {
  it('never left the site and the embedding page (blocked third-party requests: 0)', () => {
    expect(site.requests.some((r) => r.startsWith('/embed/'))).toBe(true);
    expect(guard.blocked).toEqual([]);
  });
});
