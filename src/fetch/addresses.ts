/**
 * Where a download may go. The dataset's answer names the addresses fetch downloads from, so whoever controls it
 * could point a resource, or a redirect, at another service of the machine or its network (an admin page on
 * 127.0.0.1, a cloud metadata endpoint on 169.254.169.254) and have its answer saved in data/. So:
 * - only http and https are fetched: `file:`, `data:`, `ftp:`… are refused at once, not retried;
 * - no request reaches a loopback, private or link-local address, unless the API base itself is at one (the
 *   tests' data.gouv.fr runs on 127.0.0.1: loopback is then allowed, private and link-local still are not);
 * - a download may be bound to a set of origins (a resource kept aside: the API's own, and those declared in
 *   data/sources.ts), redirects included.
 *
 * A host name is resolved (the `lookup` effect) and every address it has is checked; the request then resolves
 * it again, so a name whose addresses change between the two (DNS rebinding) is not fully covered: the
 * addresses the site trusts are public data.gouv.fr ones, and what is downloaded is verified before use.
 */
import { BlockList, isIP } from 'node:net';
import type { Effects } from '../effects.ts';

export type AddressClass = 'loopback' | 'private' | 'link-local';

/** Address ranges a download must not reach, by class (IPv4-mapped IPv6 addresses included). */
const RANGES: [AddressClass, string, number][] = [
  ['loopback', '127.0.0.0', 8],
  // « This host »: a connection to 0.0.0.0 reaches the machine itself.
  ['loopback', '0.0.0.0', 8],
  ['loopback', '::1', 128],
  ['loopback', '::', 128],
  ['private', '10.0.0.0', 8],
  ['private', '172.16.0.0', 12],
  ['private', '192.168.0.0', 16],
  // Shared address space (carrier-grade NAT), private in all but name.
  ['private', '100.64.0.0', 10],
  ['private', 'fc00::', 7],
  ['link-local', '169.254.0.0', 16],
  ['link-local', 'fe80::', 10],
];

const lists = new Map<AddressClass, BlockList>();
for (const [kind, network, prefix] of RANGES) {
  const list = lists.get(kind) ?? new BlockList();
  if (isIP(network) === 4) {
    list.addSubnet(network, prefix, 'ipv4');
    list.addSubnet(`::ffff:${network}`, 96 + prefix, 'ipv6');
  } else list.addSubnet(network, prefix, 'ipv6');
  lists.set(kind, list);
}

/** The class of an IP address, or null for a public one. */
export function addressClass(address: string): AddressClass | null {
  const family = isIP(address);
  if (family === 0) return null;
  for (const [kind, list] of lists) if (list.check(address, family === 4 ? 'ipv4' : 'ipv6')) return kind;
  return null;
}

export const ADDRESS_CLASS_NAMES: Record<AddressClass, string> = {
  loopback: 'de la machine elle-même (boucle locale)',
  private: 'd’un réseau privé',
  'link-local': 'lien-local (169.254.0.0/16, fe80::/10 : métadonnées d’un hébergeur cloud…)',
};

/** What a download may reach. */
export interface AddressRule {
  /** The non-public classes allowed: those of the API base's own addresses. */
  reachable: ReadonlySet<AddressClass>;
  /** When set, the only origins (« https://static.data.gouv.fr ») a download may reach, redirects included. */
  origins?: ReadonlySet<string>;
}

/** Why a request to `url` is refused before it is made. */
export type Refusal =
  | { kind: 'scheme'; url: string }
  | { kind: 'origin'; url: string }
  | { kind: 'address'; url: string; address: string; class: AddressClass };

/** The host of a URL as a resolver takes it (IPv6 without its brackets). */
const hostOf = (url: URL) => url.hostname.replace(/^\[(.*)\]$/u, '$1');

/** The addresses of `host`: itself when it is one, else what the resolver gives (none when it fails). */
async function addressesOf(host: string, fx: Pick<Effects, 'lookup'>): Promise<string[]> {
  if (isIP(host) !== 0) return [host];
  try {
    return await fx.lookup(host);
  } catch {
    // Unresolvable: the request fails on its own, and says so.
    return [];
  }
}

/** The API base's non-public address classes: what downloads may reach besides public addresses. */
export async function ruleOfBase(base: string, fx: Pick<Effects, 'lookup'>): Promise<AddressRule> {
  let url: URL;
  try {
    url = new URL(base);
  } catch {
    return { reachable: new Set() };
  }
  const classes = (await addressesOf(hostOf(url), fx)).map(addressClass);
  return { reachable: new Set(classes.filter((c): c is AddressClass => c !== null)) };
}

/** Why `address` may not be requested under `rule`, or null when it may. */
export async function refusal(
  address: string,
  rule: AddressRule,
  fx: Pick<Effects, 'lookup'>,
): Promise<Refusal | null> {
  let url: URL;
  try {
    url = new URL(address);
  } catch {
    return { kind: 'scheme', url: address };
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return { kind: 'scheme', url: address };
  if (rule.origins && !rule.origins.has(url.origin)) return { kind: 'origin', url: address };
  for (const ip of await addressesOf(hostOf(url), fx)) {
    const kind = addressClass(ip);
    if (kind !== null && !rule.reachable.has(kind)) return { kind: 'address', url: address, address: ip, class: kind };
  }
  return null;
}
