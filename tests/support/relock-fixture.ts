/**
 * After editing a fixture's CSV files by hand: `npx vite-node tests/support/relock-fixture.ts tests/fixtures/small`
 * records their new fingerprints in its manifest.json (and nothing else: no history entry).
 */
import { relock } from './fixtures.ts';

for (const dir of process.argv.slice(2)) await relock(dir);
