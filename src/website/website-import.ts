/**
 * `npm run data:import-site`: the two tables of the programme's current website (defis-2017-2023,
 * communaute-2017-2023) read from a checkout of its repository (./checkout.ts), through the data folder's
 * transaction like a fetch (../update/transaction.ts): the folder locked, every page read and checked before
 * anything is written (a bad page stops the import with one line naming the file and the key, and the folder is
 * left as it was), the new files held to the site's limits and read back by the snapshot's own reader, then put
 * in place at once with the update report and the history entry.
 */
import Papa from 'papaparse';
import { join } from 'node:path';
import { sources } from '../../data/sources.ts';
import { withEffects, type Effects } from '../effects.ts';
import { readTableOrThrow } from '../lib/csv/parse-table.ts';
import type { TableSpec } from '../lib/csv/schema.ts';
import { formatNumber } from '../lib/format.ts';
import { LIMITS, LIMITS_HINT, limitText } from '../lib/limits.ts';
import type { Manifest, TableLock } from '../lib/manifest.ts';
import { sha256 } from '../lib/snapshot.ts';
import { tables, type TableName } from '../lib/tables.ts';
import { plural } from '../lib/text.ts';
import { dataDir, snapshotDirOf } from '../load/paths.ts';
import { readManifest } from '../load/snapshot-io.ts';
import { EXIT } from '../update/exit-codes.ts';
import type { UpdateRecord } from '../update/record.ts';
import { manifestOf } from '../update/relock.ts';
import { pendingReview } from '../update/report-files.ts';
import { oversizedSnapshot, runUpdate, type Update } from '../update/transaction.ts';
import { openCheckout, readPageFile, type Checkout, type PageFolder } from './checkout.ts';
import { DEFI_KEYS, promotionsOf, readDefi, refuseTwins, type DefiPage } from './defi-pages.ts';
import { PageError, readPage, type Page } from './front-matter.ts';
import { countPeople, countTeams, PERSON_KEYS, readPerson, type UnknownReference } from './people-pages.ts';

export interface ImportOptions {
  /** The checkout of the website's repository (or a copy of its page folders). */
  folder: string;
  /** The commit the pages come from, when the folder is not a git clone. */
  commit?: string | null;
  /** Exit code 4 while an update report awaits review (npm run data:ack). */
  strict?: boolean;
  /** Data folder (data/ by default, or EIG_DATA_DIR). */
  dir?: string;
}

const { website } = sources;
const DEFIS = website.tables.defis;
const PEOPLE = website.tables.people;
const COMMAND = 'npm run data:import-site';

export async function importSite(options: ImportOptions, effects: Partial<Effects> = {}): Promise<number> {
  const fx = withEffects(effects);
  const dir = options.dir ?? dataDir(fx.env);
  return runUpdate(dir, COMMAND, fx, (update) => importInto(update, options));
}

/** What the website's pages make of the two tables, before anything is written. */
interface ReadSite {
  checkout: Checkout;
  files: Record<typeof DEFIS | typeof PEOPLE, string>;
  defis: number;
  people: number;
  unknown: UnknownReference[];
}

async function importInto(update: Update, options: ImportOptions): Promise<number> {
  const { dir, fx } = update;
  const site = await readSite(options.folder, options.commit ?? null, fx);
  await checkPublication(dir, site.checkout.commit, fx);
  for (const u of site.unknown) {
    fx.log(
      `${u.file} : défi « ${u.reference} » introuvable parmi les titres des défis ; cette personne n’est comptée dans aucune équipe pour lui.`,
    );
  }
  const manifest = await readManifest(dir, fx);
  const locks = { ...manifest.tables };
  const changed: TableName[] = [];
  for (const name of [DEFIS, PEOPLE] as const) {
    const bytes = new TextEncoder().encode(site.files[name]);
    const spec = tables[name] as TableSpec;
    // Read back as every snapshot file is: the site's limits, its types, its closed lists.
    const read = readTableOrThrow(bytes, spec, join(snapshotDirOf(dir), spec.file));
    if (manifest.tables[name]?.sha256 === sha256(bytes)) {
      fx.log(`${name} : inchangée (${formatNumber(read.rows.length)} lignes).`);
      continue;
    }
    await update.stageTable(name, bytes);
    locks[name] = lockOf(spec, bytes, read.rows.length, Object.values(read.headers) as string[], site, update);
    changed.push(name);
    fx.log(`${name} : mise à jour (${formatNumber(read.rows.length)} lignes).`);
  }
  const oversized = oversizedSnapshot(locks);
  if (oversized !== null) {
    await update.discard();
    throw new Error(
      `avec ces tables, l’instantané ferait ${formatNumber(oversized)} octets, au-delà de ${limitText(LIMITS.bytesPerSnapshot)} (${LIMITS_HINT}) ; rien n’est remplacé`,
    );
  }
  if (changed.length > 0) {
    const next = manifestOf(manifest, locks);
    for (const line of await update.commit(next, importRecord(changed, site, manifest, options.folder))) fx.out(line);
  }
  const pending = await pendingReview(dir, fx);
  const code = options.strict && pending ? EXIT.flagged : EXIT.ok;
  fx.out(
    `Bilan : ${formatNumber(site.defis)} défis et ${formatNumber(site.people)} personnes lus au commit ${site.checkout.commit.slice(0, 7)} ; ` +
      (changed.length > 0
        ? `${changed.join(', ')} ${plural(changed.length, 'mise', 'mises')} à jour.`
        : 'rien à mettre à jour.'),
  );
  fx.out(
    code === EXIT.flagged
      ? `Code de sortie 4 (--strict) : ne publiez pas encore. ${pending!.message}`
      : pending
        ? `Code de sortie 0 : à relire avant de publier. ${pending.message}${options.strict ? '' : ' Avec --strict, ce code serait 4.'}`
        : 'Code de sortie 0 : le site peut être construit.',
  );
  return code;
}

/** Every page read and checked, and the two tables' text: or the first problem, naming its file and key. */
async function readSite(folder: string, commit: string | null, fx: Effects): Promise<ReadSite> {
  const checkout = await openCheckout(folder, commit, fx);
  const pages = async (name: PageFolder, keys: readonly string[]): Promise<[string, Page][]> => {
    const read: [string, Page][] = [];
    for (const file of checkout.pages[name]) {
      read.push([file, readPage(`${name}/${file}`, await readPageFile(checkout, name, file, fx), keys)]);
    }
    return read;
  };
  const promotions = promotionsOf((await pages('promos', ['title'])).map(([, page]) => page));
  const defis = (await pages('defis', DEFI_KEYS)).map(([file, page]) => readDefi(page, file, promotions));
  refuseTwins(defis);
  const people = (await pages('personnes', PERSON_KEYS)).map(([, page]) => readPerson(page, promotions));
  const teams = countTeams(people, defis);
  const commitOf = (path: string) => `${path}@${checkout.commit}`;
  const defiRows = defis.map((d) => defiRow(d, teams.eig.get(d.slug) ?? 0, teams.mentors.get(d.slug) ?? 0, commitOf));
  const peopleRows = countPeople(people).map((c) => ({
    ...c,
    source: website.publication,
    source_fichier: commitOf('site/content/personnes'),
  }));
  return {
    checkout,
    files: { [DEFIS]: csvOf(DEFIS, defiRows), [PEOPLE]: csvOf(PEOPLE, peopleRows) } as ReadSite['files'],
    defis: defis.length,
    people: people.length,
    unknown: teams.unknown,
  };
}

function defiRow(d: DefiPage, eig: number, mentors: number, commitOf: (path: string) => string) {
  return {
    slug: d.slug,
    titre: d.titre,
    description: d.description,
    promotion: d.promotion,
    promotion_source: d.promotion_source,
    // The website gives no year (its `date` is when the page was edited).
    annee: null,
    administration: d.administration,
    ville: d.ville,
    thematiques: d.thematiques.join(';'),
    expertises: d.expertises.join(';'),
    nb_eig: eig,
    nb_mentors: mentors,
    lien_code: d.lien_code,
    page_startup: d.page_startup,
    source_fichier: commitOf(`site/content/defis/${d.file}`),
    source: website.publication,
  };
}

/** The table's file: its declared columns in order, one line per row, as the snapshot's files are written. */
function csvOf(name: TableName, rows: readonly Record<string, unknown>[]): string {
  const fields = Object.keys(tables[name].columns);
  const data = rows.map((row) => fields.map((f) => (row[f] === null || row[f] === undefined ? '' : String(row[f]))));
  return `${Papa.unparse({ fields, data }, { newline: '\n' })}\n`;
}

/** The publication the tables cite must be of the commit read: else the site would date the pages wrongly. */
async function checkPublication(dir: string, commit: string, fx: Effects): Promise<void> {
  const path = join(dir, sources.publications.file);
  const { rows } = readTableOrThrow(await fx.fs.readFile(path), sources.publications, path);
  const publication = rows.find((p) => p.id === website.publication);
  if (!publication) {
    throw new PageError(
      `${path} : pas de publication « ${website.publication} », que citent les tables du site ; ajoutez sa ligne (titre, date, adresse du commit ${commit})`,
    );
  }
  if (![publication.url, publication.fichier_source].some((text) => text?.includes(commit))) {
    throw new PageError(
      `${path} : la publication « ${website.publication} », que citent les tables du site, ne désigne pas le commit lu (${commit}) : mettez sa ligne à jour (titre, date, fichier_source avec ce commit), puis relancez ; rien n’est importé`,
    );
  }
}

function lockOf(
  spec: TableSpec,
  bytes: Uint8Array,
  rows: number,
  columns: string[],
  site: ReadSite,
  update: Update,
): TableLock {
  const { commit } = site.checkout;
  const what =
    spec === tables[DEFIS]
      ? `un défi par page de site/content/defis (${formatNumber(site.defis)}), textes tels qu’écrits (blancs ramenés à une espace), promotion normalisée à côté de celle du site, équipes (EIG, mentors) comptées sur les pages des personnes qui nomment le défi, lien vers le code source trouvé dans la page (compte personnel masqué), description et page de startup d’État`
      : `les ${formatNumber(site.people)} pages de site/content/personnes comptées par promotion, rôle et expertise, sans aucun nom ; une personne de plusieurs promotions ou expertises compte dans chacune`;
  return {
    file: spec.file,
    origin: 'publications',
    originNote: `Importé du site actuel du programme (dépôt ${website.repository}, commit ${commit.slice(0, 7)}) par npm run data:import-site : ${what}.`,
    resource: null,
    fetchedAt: null,
    updatedAt: update.startedAt,
    rows,
    bytes: bytes.byteLength,
    sha256: sha256(bytes),
    columns,
  };
}

function importRecord(changed: TableName[], site: ReadSite, previous: Manifest, folder: string): UpdateRecord {
  const unknown = site.unknown.length;
  const note = [
    `Import du site actuel du programme (npm run data:import-site, dépôt ${website.repository}, commit ${site.checkout.commit.slice(0, 7)}) : tables mises à jour : ${changed.join(', ')}.`,
    unknown > 0
      ? `${formatNumber(unknown)} ${plural(unknown, 'nom de défi', 'noms de défi')} d’une page de personne ne ${plural(unknown, 'correspond', 'correspondent')} à aucun titre : non ${plural(unknown, 'compté', 'comptés')}.`
      : '',
  ]
    .filter(Boolean)
    .join(' ');
  return { kind: 'import', note, changed, report: { previous, command: `${COMMAND} -- ${folder}` } };
}
