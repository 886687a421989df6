/**
 * The parts of a data.gouv.fr (udata) dataset that fetch relies on, checked on arrival: an answer that is not
 * JSON, or JSON of another shape, is refused with the field at fault rather than crashing further down.
 */
import { z } from 'zod';
import type { Checksum, ResourceRecord } from '../lib/manifest.ts';

const checksumSchema = z.object({ type: z.string(), value: z.string() });

/** Titles are shown on the site's pages: a bidirectional control would reverse the text after it there. */
const noBidi = (text: string | null) => text === null || !/[\u202a-\u202e\u2066-\u2069]/u.test(text);
const BIDI_MESSAGE =
  'caractère de contrôle bidirectionnel (U+202A–202E, U+2066–2069), qui inverserait le texte affiché après lui';

/** A text field udata may leave out or set to null: null either way. */
const optionalText = () =>
  z
    .string()
    .nullish()
    .transform((v) => v ?? null);

const resourceSchema = z.object({
  id: z.string().min(1),
  title: z
    .string()
    .nullish()
    .transform((t) => t ?? '')
    .refine(noBidi, BIDI_MESSAGE),
  url: z.string().min(1),
  latest: optionalText(),
  format: optionalText(),
  mime: optionalText(),
  checksum: checksumSchema.nullish().transform((v): Checksum | null => v ?? null),
  filesize: z
    .number()
    .int()
    .nonnegative()
    .nullish()
    .transform((v) => v ?? null),
  last_modified: optionalText(),
  filetype: optionalText(),
  type: optionalText(),
});

const datasetSchema = z.object({
  id: z.string(),
  slug: z.string(),
  title: z
    .string()
    .nullish()
    .transform((v) => v ?? null)
    .refine(noBidi, BIDI_MESSAGE),
  page: optionalText(),
  license: optionalText(),
  last_modified: optionalText(),
  resources: z.array(resourceSchema),
});

export type UdataResource = z.infer<typeof resourceSchema>;
export type UdataDataset = z.infer<typeof datasetSchema>;

export type DatasetRead = { ok: true; dataset: UdataDataset } | { ok: false; reason: string };

export function datasetUrl(base: string, slug: string): string {
  return `${base.replace(/\/+$/u, '')}/api/1/datasets/${encodeURIComponent(slug)}/`;
}

export function readDataset(bytes: Uint8Array): DatasetRead {
  let json: unknown;
  try {
    json = JSON.parse(new TextDecoder().decode(bytes));
  } catch {
    const start = new TextDecoder().decode(bytes.subarray(0, 60)).replace(/\s+/gu, ' ').trim();
    return { ok: false, reason: `la réponse n’est pas du JSON (elle commence par « ${start} »)` };
  }
  const parsed = datasetSchema.safeParse(json);
  if (parsed.success) return { ok: true, dataset: parsed.data };
  const issue = parsed.error.issues[0]!;
  const where = issue.path.length > 0 ? issue.path.join('.') : 'la racine';
  return {
    ok: false,
    reason: `la réponse JSON n’a pas la forme d’un jeu de données udata (champ ${where} : ${issue.message})`,
  };
}

/** The URL to download: the stable `latest` address (it redirects to the current file), else `url`. */
export function downloadUrl(resource: UdataResource): string {
  return resource.latest ?? resource.url;
}

export function recordOf(resource: UdataResource): ResourceRecord {
  return {
    id: resource.id,
    title: resource.title,
    url: resource.url,
    latest: resource.latest,
    format: resource.format,
    mime: resource.mime,
    checksum: resource.checksum,
    filesize: resource.filesize,
    last_modified: resource.last_modified,
  };
}

/**
 * Unchanged since the lock without downloading anything: the same resource announcing the same checksum (its
 * date or address may move: the content is what counts), or, without a checksum to compare, the same date and
 * address (udata sends no ETag).
 */
export function sameAsRecorded(resource: UdataResource, recorded: ResourceRecord | null | undefined): boolean {
  if (!recorded || recorded.id !== resource.id) return false;
  const checksum = (c: Checksum | null) =>
    c && c.value.trim() !== '' ? `${c.type.toLowerCase()}:${c.value.trim().toLowerCase()}` : null;
  const announced = checksum(resource.checksum);
  if (announced !== null && announced === checksum(recorded.checksum)) return true;
  return (
    announced === checksum(recorded.checksum) &&
    recorded.last_modified === resource.last_modified &&
    recorded.url === resource.url
  );
}
