/**
 * Builds the loaded store template (test/support/services.ts) ahead of the test
 * run: scripts/test.sh starts this while it builds the web app and checks the
 * types, so the first test files do not wait for it. Run under the same
 * TMPDIR as the tests, since the template lives there.
 */
import { ensureTemplate } from './services.ts';

const started = Date.now();
const dir = await ensureTemplate();
process.stderr.write(`[room39 test] store template ready in ${((Date.now() - started) / 1000).toFixed(0)} s: ${dir}\n`);
