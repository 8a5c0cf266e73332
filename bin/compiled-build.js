// Which code `room39` runs: the compiled JavaScript in dist/ (made by `npm run build:cli`, scripts/build-cli.js) only
// while it was compiled from exactly the src/ that is there now, file by file (path, size and modification time);
// otherwise the TypeScript sources, through tsx. Plain JavaScript, so it runs before any TypeScript can.
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

export const STAMP = 'build-stamp.json';
export const COMPILED_MAIN = 'dist/src/cli/main.js';

/** Every file under ROOT/src as "path size mtime", one per line, sorted: what a build was made from. */
export function sourceListing(root) {
  const lines = [];
  const walk = (dir, rel) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      const name = rel ? `${rel}/${entry.name}` : entry.name;
      if (entry.isDirectory()) walk(full, name);
      else {
        const st = fs.statSync(full);
        lines.push(`${name} ${st.size} ${st.mtimeMs}`);
      }
    }
  };
  walk(path.join(root, 'src'), '');
  return lines.sort().join('\n');
}

/** The URL of the compiled command line when dist/ was built from the current src/, else null (ROOM39_FROM_SOURCE=1: always null). */
export function compiledEntry(root, env = process.env) {
  if (env.ROOM39_FROM_SOURCE === '1') return null;
  let stamp;
  try {
    stamp = fs.readFileSync(path.join(root, 'dist', STAMP), 'utf8');
  } catch {
    return null;
  }
  const main = path.join(root, COMPILED_MAIN);
  return stamp === sourceListing(root) && fs.existsSync(main) ? pathToFileURL(main).href : null;
}
