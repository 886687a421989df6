/**
 * The pure parts of fetch: Retry-After, mapping resources to tables, checksums, the command line, what a
 * download may reach.
 */
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { parseFetchArgs } from '../../src/commands/fetch.ts';
import { addressClass, refusal, ruleOfBase } from '../../src/fetch/addresses.ts';
import { resolvePolicy, runDeadlineOf } from '../../src/fetch/fetch-run.ts';
import { parseRetryAfter } from '../../src/fetch/http.ts';
import { mapResources, type TableRule } from '../../src/fetch/mapping.ts';
import { sameAsRecorded, type UdataResource } from '../../src/fetch/udata.ts';
import { verifyDownload } from '../../src/fetch/verify.ts';
import { tableNames, tables } from '../../src/lib/tables.ts';
import { TITLES } from '../support/fetch-harness.ts';

const resource = (id: string, title: string, more: Partial<UdataResource> = {}): UdataResource => ({
  id,
  title,
  url: `https://static.example/${id}.csv`,
  latest: null,
  format: 'csv',
  mime: 'text/csv',
  checksum: null,
  filesize: null,
  last_modified: '2024-01-01T00:00:00+00:00',
  filetype: 'file',
  type: 'main',
  ...more,
});

const rules: TableRule[] = [
  { table: 'budget', id: null, titlePattern: tables.budget.resource.titlePattern },
  { table: 'chiffres-cles', id: null, titlePattern: tables['chiffres-cles'].resource.titlePattern },
  { table: 'defis', id: null, titlePattern: tables.defis.resource.titlePattern },
  { table: 'suivi-defis', id: null, titlePattern: tables['suivi-defis'].resource.titlePattern },
];

describe('Retry-After', () => {
  const now = new Date('2027-01-15T09:30:00.000Z');
  it('reads seconds and HTTP dates, and ignores what is neither', () => {
    expect(parseRetryAfter('120', now)).toBe(120_000);
    expect(parseRetryAfter('Fri, 15 Jan 2027 09:31:00 GMT', now)).toBe(60_000);
    expect(parseRetryAfter('Fri, 15 Jan 2027 09:00:00 GMT', now)).toBe(0);
    expect(parseRetryAfter('bientôt', now)).toBeNull();
    expect(parseRetryAfter(null, now)).toBeNull();
  });
});

describe('mapping resources to tables', () => {
  it('gives each table a title pattern that claims its own resource and no other table’s', () => {
    const all: TableRule[] = tableNames.map((table) => ({
      table,
      id: null,
      titlePattern: tables[table].resource.titlePattern,
    }));
    const mapping = mapResources(
      tableNames.map((table) => resource(table, TITLES[table])),
      all,
    );
    for (const table of tableNames)
      expect(mapping.tables[table], table).toMatchObject({ kind: 'mapped', resource: { id: table } });
    expect(mapping.unmapped).toEqual([]);
    // The two websites' lists of défis and of people must not be taken for one another.
    const claims = (title: string) =>
      tableNames.filter((t) => new RegExp(tables[t].resource.titlePattern, 'iu').test(title));
    expect(claims('Liste des défis')).toEqual(['defis']);
    expect(claims('Tous les défis 2017-2023')).toEqual(['defis-2017-2023']);
    expect(claims('Communauté par profil')).toEqual(['communaute']);
    expect(claims('Personnes par promotion, rôle et expertise')).toEqual(['communaute-2017-2023']);
    expect(claims('Chiffres clés par promotion')).toEqual(['chiffres-cles']);
    expect(claims('Chiffres du site d’origine data.eig-forever.org')).toEqual(['eig-forever-2019']);
    expect(claims('Carte des services d’accueil (2019)')).toEqual(['carte-2019']);
  });

  it('maps by title pattern, case-insensitively, accents or not', () => {
    const mapping = mapResources(
      [resource('a', 'BUDGET du programme'), resource('b', 'Liste des defis'), resource('c', 'Suivi des défis 2021')],
      rules,
    );
    expect(mapping.tables.budget).toMatchObject({ kind: 'mapped', by: 'title', resource: { id: 'a' } });
    expect(mapping.tables.defis).toMatchObject({ kind: 'mapped', resource: { id: 'b' } });
    expect(mapping.tables['suivi-defis']).toMatchObject({ kind: 'mapped', resource: { id: 'c' } });
    expect(mapping.tables['chiffres-cles']).toEqual({ kind: 'none' });
    expect(mapping.unmapped).toEqual([]);
  });

  it('an id wins over titles, and takes its resource out of other tables’ reach', () => {
    const withId = rules.map((r) => (r.table === 'budget' ? { ...r, id: 'z' } : r));
    const mapping = mapResources([resource('z', 'Chiffres clés et budget'), resource('k', 'Chiffres clés')], withId);
    expect(mapping.tables.budget).toMatchObject({ kind: 'mapped', by: 'id', resource: { id: 'z' } });
    expect(mapping.tables['chiffres-cles']).toMatchObject({ kind: 'mapped', by: 'title', resource: { id: 'k' } });
  });

  it('an id no longer in the dataset falls back on the title', () => {
    const withId = rules.map((r) => (r.table === 'budget' ? { ...r, id: 'gone' } : r));
    expect(mapResources([resource('n', 'Budget 2024')], withId).tables.budget).toMatchObject({
      kind: 'mapped',
      by: 'title',
      resource: { id: 'n' },
    });
  });

  it('two resources for one table: refused, both named', () => {
    const mapping = mapResources([resource('a', 'Budget 2019'), resource('b', 'Budget 2020')], rules);
    expect(mapping.tables.budget).toEqual({
      kind: 'ambiguous',
      reason:
        'plusieurs ressources correspondent au motif « budget|d[ée]penses|financement » : « Budget 2019 » (a), « Budget 2020 » (b) ; indiquez la bonne avec resource.id dans data/sources.ts',
    });
    expect(mapping.unmapped.map((r) => r.id)).toEqual(['a', 'b']);
  });

  it('one resource for two tables: refused for both', () => {
    const mapping = mapResources([resource('x', 'Chiffres clés du budget')], rules);
    for (const table of ['budget', 'chiffres-cles']) {
      expect(mapping.tables[table]).toEqual({
        kind: 'ambiguous',
        reason:
          'la ressource « Chiffres clés du budget » (x) correspond aux motifs de plusieurs tables (budget, chiffres-cles) ; précisez resource.id ou les motifs dans data/sources.ts',
      });
    }
  });

  it('two tables bound to the same id: refused for both', () => {
    const twice = rules.map((r) => (r.table === 'budget' || r.table === 'defis' ? { ...r, id: 'x' } : r));
    const mapping = mapResources([resource('x', 'Budget')], twice);
    expect(mapping.tables.budget).toMatchObject({ kind: 'ambiguous' });
    expect(mapping.tables.defis).toMatchObject({ kind: 'ambiguous' });
  });

  it('a title pattern only picks CSV-like resources; the rest is unmapped, not dropped', () => {
    const mapping = mapResources(
      [
        resource('p', 'Budget (rapport)', { format: 'pdf' }),
        resource('c', 'Budget', { format: 'CSV' }),
        resource('o', 'Autre chose'),
      ],
      rules,
    );
    expect(mapping.tables.budget).toMatchObject({ kind: 'mapped', resource: { id: 'c' } });
    expect(mapping.unmapped.map((r) => r.id)).toEqual(['p', 'o']);
  });
});

describe('what counts as unchanged since the lock', () => {
  const recorded = {
    id: 'a',
    title: 'Budget',
    url: 'https://static.example/a.csv',
    checksum: { type: 'sha1', value: 'ABC' },
    filesize: 10,
    last_modified: '2024-01-01T00:00:00+00:00',
  };
  const current = resource('a', 'Budget renommé', { checksum: { type: 'sha1', value: 'abc' } });
  it('same id and checksum (any case): the content is what counts, not its date or address', () => {
    expect(sameAsRecorded(current, recorded)).toBe(true);
    expect(sameAsRecorded({ ...current, last_modified: '2024-01-02T00:00:00+00:00' }, recorded)).toBe(true);
    expect(sameAsRecorded({ ...current, url: 'https://static.example/b.csv' }, recorded)).toBe(true);
    expect(sameAsRecorded({ ...current, checksum: { type: 'sha1', value: 'abd' } }, recorded)).toBe(false);
    expect(sameAsRecorded({ ...current, id: 'b' }, recorded)).toBe(false);
    expect(sameAsRecorded(current, null)).toBe(false);
  });

  it('without a checksum on either side: same id, date and URL', () => {
    const bare = { ...recorded, checksum: null };
    const now = { ...current, checksum: null };
    expect(sameAsRecorded(now, bare)).toBe(true);
    expect(sameAsRecorded({ ...now, last_modified: '2024-01-02T00:00:00+00:00' }, bare)).toBe(false);
    expect(sameAsRecorded({ ...now, url: 'https://static.example/b.csv' }, bare)).toBe(false);
    // A checksum announced now that the lock did not record: downloaded, to compare the bytes.
    expect(sameAsRecorded(current, bare)).toBe(false);
  });
});

describe('checksums', () => {
  const csv = Buffer.from('promotion,programme,profil,effectif,source\nEIG 1,EIG,dev,3,programme-site\n');
  const digest = (algorithm: string) => createHash(algorithm).update(csv).digest('hex');
  const verify = (checksum: UdataResource['checksum']) =>
    verifyDownload(
      csv,
      'text/csv',
      resource('r', 'Communauté', { checksum, filesize: csv.byteLength }),
      tables.communaute,
      'communaute.csv',
    );

  it('verifies sha1, sha256 and md5 (any case), and sha2 by the length of its value', () => {
    for (const [type, algorithm] of [
      ['sha1', 'sha1'],
      ['sha256', 'sha256'],
      ['md5', 'md5'],
      ['sha2', 'sha256'],
      ['sha2', 'sha512'],
    ]) {
      const result = verify({ type: type!, value: digest(algorithm!).toUpperCase() });
      expect(result.ok && result.checksum, `${type} ${algorithm}`).toBe('verified');
    }
  });

  it('refuses a wrong md5', () => {
    const result = verify({ type: 'md5', value: digest('md5').replace(/^./u, (c) => (c === '0' ? '1' : '0')) });
    expect(result).toMatchObject({ ok: false, problem: { kind: 'checksum', type: 'md5' } });
  });

  it('does not verify crc (udata does not say which CRC), and says so', () => {
    const result = verify({ type: 'crc', value: 'deadbeef' });
    expect(result.ok && result.checksum).toEqual({ notVerified: 'crc' });
  });
});

describe('command line', () => {
  it('reads --strict, --timeout and the deadlines in both spellings', () => {
    expect(parseFetchArgs([])).toEqual({});
    expect(parseFetchArgs(['--strict', '--timeout', '12'])).toEqual({ strict: true, policy: { timeoutMs: 12_000 } });
    expect(parseFetchArgs(['--timeout=0.5'])).toEqual({ policy: { timeoutMs: 500 } });
    expect(parseFetchArgs(['--download-deadline', '90', '--deadline=600'])).toEqual({
      policy: { deadlineMs: 90_000 },
      deadlineMs: 600_000,
    });
  });

  it('derives the deadlines from --timeout unless given: --timeout 5 gives up within a minute', () => {
    expect(resolvePolicy(parseFetchArgs(['--timeout', '5']).policy)).toMatchObject({
      timeoutMs: 5_000,
      deadlineMs: 30_000,
    });
    expect(runDeadlineOf(parseFetchArgs(['--timeout', '5']))).toBe(60_000);
    expect(runDeadlineOf(parseFetchArgs(['--timeout', '5', '--deadline', '20']))).toBe(20_000);
    expect(resolvePolicy({})).toMatchObject({ timeoutMs: 30_000, deadlineMs: 180_000 });
    expect(resolvePolicy(parseFetchArgs(['--timeout', '5', '--download-deadline', '8']).policy).deadlineMs).toBe(8_000);
  });

  it('refuses anything else with the usage', () => {
    const usage =
      'usage : npm run fetch [-- --strict] [--timeout <secondes>] [--download-deadline <secondes>] [--deadline <secondes>] [--keep <id de ressource>|all]';
    expect(() => parseFetchArgs(['--timeout'])).toThrow(`--timeout attend un nombre de secondes positif (${usage})`);
    expect(() => parseFetchArgs(['--timeout', '-3'])).toThrow('--timeout attend un nombre de secondes positif');
    expect(() => parseFetchArgs(['--deadline', 'x'])).toThrow('--deadline attend un nombre de secondes positif');
    expect(() => parseFetchArgs(['--force'])).toThrow(`option inconnue « --force » (${usage})`);
    expect(() => parseFetchArgs(['--keep'])).toThrow(
      `--keep attend l’id d’une ressource non reconnue, ou « all » (${usage})`,
    );
    expect(() => parseFetchArgs(['--keep', '--strict'])).toThrow('--keep attend l’id');
  });

  it('--keep names the resources no table maps to keep aside, one by one or all', () => {
    expect(parseFetchArgs(['--keep', 'a1', '--keep=b2', '--strict'])).toEqual({ keep: ['a1', 'b2'], strict: true });
    expect(parseFetchArgs(['--keep', 'all']).keep).toEqual(['all']);
    expect(parseFetchArgs([]).keep).toBeUndefined();
  });
});

describe('what a download may reach (issue 23, item 1)', () => {
  /** A resolver that knows a few names, as an attacker's DNS would answer them. */
  const names: Record<string, string[]> = {
    'www.data.gouv.fr': ['37.59.183.93'],
    'static.data.gouv.fr': ['37.59.183.94'],
    localhost: ['127.0.0.1', '::1'],
    'rebind.example': ['37.59.183.95', '10.0.0.7'],
  };
  const fx = {
    lookup: async (host: string) => {
      const found = names[host];
      if (!found) throw Object.assign(new Error(`getaddrinfo ENOTFOUND ${host}`), { code: 'ENOTFOUND' });
      return found;
    },
  };

  it('classes addresses: loopback (with 0.0.0.0 and IPv4-mapped forms), private, link-local, public', () => {
    expect(
      ['127.0.0.1', '127.9.9.9', '0.0.0.0', '::1', '::', '::ffff:7f00:1', '::ffff:127.0.0.1'].map(addressClass),
    ).toEqual(Array(7).fill('loopback'));
    expect(
      ['10.0.0.1', '172.16.5.4', '172.31.255.255', '192.168.1.1', '100.64.0.1', 'fd00::1', '::ffff:10.0.0.1'].map(
        addressClass,
      ),
    ).toEqual(Array(7).fill('private'));
    expect(['169.254.169.254', 'fe80::1', '::ffff:169.254.169.254'].map(addressClass)).toEqual(
      Array(3).fill('link-local'),
    );
    expect(['37.59.183.93', '172.32.0.1', '8.8.8.8', '2001:db8::1'].map(addressClass)).toEqual(Array(4).fill(null));
  });

  it('with the API on a public address, no loopback, private or link-local address is reached, by number or by name', async () => {
    const rule = await ruleOfBase('https://www.data.gouv.fr', fx);
    expect([...rule.reachable]).toEqual([]);
    expect(await refusal('https://static.data.gouv.fr/resources/a.csv', rule, fx)).toBeNull();
    for (const [url, address, kind] of [
      ['http://127.0.0.1:8080/admin', '127.0.0.1', 'loopback'],
      ['http://localhost/x', '127.0.0.1', 'loopback'],
      ['http://0.0.0.0:9200/', '0.0.0.0', 'loopback'],
      ['http://[::ffff:127.0.0.1]/', '::ffff:7f00:1', 'loopback'],
      ['http://2130706433/', '127.0.0.1', 'loopback'],
      ['http://rebind.example/', '10.0.0.7', 'private'],
      ['http://169.254.169.254/latest/meta-data/', '169.254.169.254', 'link-local'],
    ] as const) {
      expect(await refusal(url, rule, fx), url).toEqual({ kind: 'address', url, address, class: kind });
    }
    // An unresolvable name is left to the request, which fails on its own.
    expect(await refusal('https://nowhere.invalid/', rule, fx)).toBeNull();
  });

  it('with the API on loopback (the tests’ server), loopback is reached, and still nothing private or link-local', async () => {
    const rule = await ruleOfBase('http://127.0.0.1:4000', fx);
    expect(await refusal('http://127.0.0.1:5000/x', rule, fx)).toBeNull();
    expect(await refusal('http://10.0.0.1/x', rule, fx)).toMatchObject({ kind: 'address', class: 'private' });
    expect(await refusal('http://169.254.169.254/', rule, fx)).toMatchObject({ class: 'link-local' });
  });

  it('only http and https; with origins given, only those, whatever the address', async () => {
    const rule = { reachable: new Set<never>(), origins: new Set(['https://www.data.gouv.fr']) };
    for (const url of [
      'file:///etc/passwd',
      'data:text/plain,x',
      'ftp://example.org/a',
      'javascript:alert(1)',
      'pas une adresse',
    ])
      expect(await refusal(url, rule, fx), url).toEqual({ kind: 'scheme', url });
    expect(await refusal('https://static.data.gouv.fr/a.csv', rule, fx)).toEqual({
      kind: 'origin',
      url: 'https://static.data.gouv.fr/a.csv',
    });
    expect(await refusal('https://www.data.gouv.fr/fr/datasets/r/1', rule, fx)).toBeNull();
  });
});
