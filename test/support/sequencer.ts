/**
 * The order test files start in: longest first, from the committed list of
 * how long each file took (test/support/durations.json, whole-file seconds:
 * import, hooks and tests). The two workers then finish close together
 * instead of one running a long file alone at the end. vitest's own order
 * needs a cache of earlier runs, which a fresh clone (CI) does not have.
 * Files not in the list (new ones) count as DEFAULT_SECONDS. To refresh the
 * list, copy test-artifacts/durations.json (written by the timeline reporter,
 * test/support/timeline-reporter.ts) over it after a whole `npm test`.
 */
import fs from 'node:fs';
import path from 'node:path';
import { BaseSequencer, type TestSpecification } from 'vitest/node';

const DEFAULT_SECONDS = 10;

export class LongestFirstSequencer extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const root = this.ctx.config.root;
    const known = JSON.parse(fs.readFileSync(path.join(root, 'test/support/durations.json'), 'utf8')) as Record<string, number>;
    const seconds = (f: TestSpecification) => known[path.relative(root, f.moduleId).split(path.sep).join('/')] ?? DEFAULT_SECONDS;
    return [...files].sort((a, b) => seconds(b) - seconds(a));
  }
}
