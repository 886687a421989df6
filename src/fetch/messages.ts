/**
 * What fetch tells the maintainer, in French, when a request fails or a download is refused: what was wrong and
 * what to do, for each kind of failure; and what each exit code means.
 */
import { LimitExceeded } from '../lib/csv/errors.ts';
import { EXIT } from '../update/exit-codes.ts';
import { ADDRESS_CLASS_NAMES, type Refusal } from './addresses.ts';
import type { HttpFailure } from './http.ts';
import type { Problem } from './verify.ts';

export interface Explanation {
  what: string;
  advice: string;
}

const integer = new Intl.NumberFormat('fr-FR', { maximumFractionDigits: 0 });
const oneDecimal = new Intl.NumberFormat('fr-FR', { minimumFractionDigits: 1, maximumFractionDigits: 1 });

export function formatBytes(n: number): string {
  if (n < 10_000) return `${integer.format(n)} octet${n > 1 ? 's' : ''}`;
  if (n < 1_000_000) return `${oneDecimal.format(n / 1000)} ko`;
  return `${oneDecimal.format(n / 1_000_000)} Mo`;
}

export function formatSeconds(ms: number): string {
  const s = ms / 1000;
  return `${Number.isInteger(s) ? integer.format(s) : oneDecimal.format(s)} s`;
}

const UNREACHABLE_CAUSE: Record<string, string> = {
  ECONNREFUSED: 'connexion refusée',
  ENOTFOUND: 'nom de domaine introuvable, DNS',
  EAI_AGAIN: 'DNS indisponible',
  ENETUNREACH: 'réseau inaccessible',
  ENETDOWN: 'réseau coupé',
  EHOSTUNREACH: 'hôte inaccessible',
  EADDRNOTAVAIL: 'adresse indisponible',
};

const LATER = 'relancez « npm run fetch » plus tard';
const REPORT = 'signalez-le au producteur du jeu de données sur data.gouv.fr';

export function explainHttp(failure: HttpFailure, attempts: number): Explanation {
  const tries = attempts > 1 ? ` (${attempts} essais)` : '';
  switch (failure.kind) {
    case 'unreachable':
      return {
        what: `${failure.host} injoignable (${UNREACHABLE_CAUSE[failure.code] ?? failure.code})`,
        advice: 'vérifiez la connexion réseau, puis relancez « npm run fetch »',
      };
    case 'network':
      return { what: `connexion coupée (${failure.code})${tries}`, advice: LATER };
    case 'timeout':
      return {
        what: `aucune réponse pendant ${formatSeconds(failure.ms)}${tries}`,
        advice: `${LATER}, ou allongez le délai avec --timeout <secondes>`,
      };
    case 'truncated':
      return {
        what:
          failure.received === null
            ? `téléchargement tronqué : connexion fermée par le serveur avant la fin des ${formatBytes(failure.expected)} annoncés${tries}`
            : `téléchargement tronqué : ${formatBytes(failure.received)} reçus sur ${formatBytes(failure.expected)} annoncés${tries}`,
        advice: `connexion instable : ${LATER}`,
      };
    case 'deadline':
      return failure.scope === 'run'
        ? {
            what: `délai total de la mise à jour (${formatSeconds(failure.ms)}) dépassé${received(failure)}`,
            advice: `${LATER}, ou allongez le délai total avec --deadline <secondes>`,
          }
        : {
            what: `téléchargement pas fini après ${formatSeconds(failure.ms)}${received(failure)} : le serveur envoie trop lentement${tries}`,
            advice: `${LATER}, ou allongez le délai par fichier avec --download-deadline <secondes>`,
          };
    case 'status':
      return explainStatus(failure.status, failure.retryAfterMs, tries);
    case 'redirect-loop':
      return {
        what: `boucle de redirections (${failure.url} renvoie vers une adresse déjà visitée)`,
        advice: `l’adresse de la ressource est cassée : ${REPORT}`,
      };
    case 'too-many-redirects':
      return {
        what: `plus de ${failure.count} redirections`,
        advice: `l’adresse de la ressource est cassée : ${REPORT}`,
      };
    case 'too-large':
      return {
        what: `réponse trop grosse (${
          failure.announced !== null
            ? `${formatBytes(failure.announced)} annoncés`
            : `plus de ${formatBytes(failure.limit)} reçus`
        }, limite ${formatBytes(failure.limit)}) : téléchargement interrompu`,
        advice: TOO_LARGE_ADVICE,
      };
    case 'refused':
      return explainRefusal(failure.refusal);
  }
}

/** A request not made: the address is not one a download may reach (./addresses.ts). */
function explainRefusal(refusal: Refusal): Explanation {
  switch (refusal.kind) {
    case 'scheme':
      return {
        what: `adresse « ${refusal.url} » refusée : seules les adresses http et https sont téléchargées, rien n’est demandé`,
        advice: `${REPORT} : l’adresse de la ressource n’est pas celle d’un fichier publié`,
      };
    case 'origin':
      return {
        what: `adresse « ${refusal.url} » refusée : hors de l’API de data.gouv.fr et des origines déclarées dans data/sources.ts (downloadOrigins), rien n’est demandé`,
        advice:
          'si cette origine est sûre, ajoutez-la à downloadOrigins dans data/sources.ts ; sinon, laissez la ressource de côté',
      };
    case 'address':
      return {
        what: `adresse « ${refusal.url} » refusée : ${refusal.address} est une adresse ${ADDRESS_CLASS_NAMES[refusal.class]}, que le téléchargement n’atteint jamais, rien n’est demandé`,
        advice: `${REPORT} : une ressource publiée ne pointe pas vers une machine privée`,
      };
  }
}

/** What to do with a file larger than the site accepts (../lib/limits.ts). */
export const TOO_LARGE_ADVICE =
  'ce n’est sans doute pas le bon fichier : vérifiez la ressource sur data.gouv.fr ; si c’est bien elle, la limite du site (src/lib/limits.ts) est à revoir, construction du site comprise';

function received(failure: { received: number; expected: number | null }): string {
  if (failure.received === 0) return '';
  return ` (${formatBytes(failure.received)} reçus${failure.expected !== null ? ` sur ${formatBytes(failure.expected)}` : ''})`;
}

function explainStatus(status: number, retryAfterMs: number | null, tries: string): Explanation {
  if (status === 404 || status === 410) {
    return {
      what: `HTTP ${status} : introuvable${tries}`,
      advice: 'la ressource a été supprimée ou déplacée : vérifiez la page du jeu de données sur data.gouv.fr',
    };
  }
  const wait = retryAfterMs !== null ? `, le serveur demande d’attendre ${formatSeconds(retryAfterMs)}` : '';
  if (status === 429) return { what: `HTTP 429 : trop de requêtes${wait}${tries}`, advice: LATER };
  if (status >= 500) {
    return {
      what: `HTTP ${status} : erreur du serveur${wait}${tries}`,
      advice: `data.gouv.fr est en difficulté : ${LATER}`,
    };
  }
  return { what: `HTTP ${status}${tries}`, advice: 'vérifiez l’adresse de la ressource sur data.gouv.fr' };
}

export function explainProblem(problem: Problem): Explanation {
  const corrupted = `fichier abîmé en route ou métadonnées périmées : ${LATER} ; si cela persiste, ${REPORT}`;
  switch (problem.kind) {
    case 'html':
      return {
        what: 'le serveur a renvoyé une page HTML au lieu du fichier CSV (page d’erreur ?)',
        advice: `${LATER} ; si cela persiste, ${REPORT}`,
      };
    case 'empty':
      return { what: 'fichier vide (0 octet)', advice: `le fichier publié est vide : ${REPORT}` };
    case 'filesize':
      return {
        what: `taille de ${formatBytes(problem.received)} au lieu des ${formatBytes(problem.announced)} annoncés par data.gouv.fr`,
        advice: corrupted,
      };
    case 'checksum':
      return {
        what: `somme de contrôle ${problem.type} différente de celle annoncée par data.gouv.fr (${problem.announced.slice(0, 12)}… attendu, ${problem.computed.slice(0, 12)}… obtenu)`,
        advice: corrupted,
      };
    case 'unreadable':
      return {
        what: problem.error.message,
        advice:
          problem.error instanceof LimitExceeded
            ? TOO_LARGE_ADVICE
            : 'corrigez le fichier sur data.gouv.fr, ou adaptez data/sources.ts (colonnes, alias) si le changement est voulu',
      };
    case 'no-rows':
      return {
        what: 'aucune ligne de données, seulement l’en-tête',
        advice: `le fichier publié est vide : ${REPORT}`,
      };
  }
}

/**
 * The one line that ends a run, whatever happened: the exit code and why; without --strict, what --strict would
 * have given (`strictExitCode`).
 */
export function exitMeaning(
  result: { exitCode: number; strictExitCode: number; snapshotDate: string; pending: { message: string } | null },
  strict: boolean,
): string {
  const { exitCode, strictExitCode, snapshotDate, pending } = result;
  const review = pending ? ` ${pending.message}` : '';
  switch (exitCode) {
    case EXIT.failed:
      return `Code de sortie 2 (--strict) : mise à jour incomplète ; ce qui a échoué est gardé tel quel, l’instantané du ${snapshotDate} est cohérent.${review}`;
    case EXIT.unreachable:
      return `Code de sortie 3 (--strict) : data.gouv.fr injoignable ; l’instantané du ${snapshotDate} est intact.${review}`;
    case EXIT.flagged:
      return `Code de sortie 4 (--strict) : ne publiez pas encore.${review}`;
    default: {
      const would = strict || strictExitCode === EXIT.ok ? '' : ` Avec --strict, ce code serait ${strictExitCode}.`;
      return pending
        ? `Code de sortie 0 : instantané du ${snapshotDate} cohérent, à relire avant de publier.${review}${would}`
        : `Code de sortie 0 : instantané du ${snapshotDate} cohérent, le site peut être construit.${would}`;
    }
  }
}
