// The coverage report a commissioner reads ("Show coverage report"): the same
// review model and Markdown rendering as the CLI's review-board report, for one
// strategy, with the heading each IPC element was found under.
import * as path from 'node:path';
import type { Analysis } from '../core';
import { buildReview, PLAIN, md, strategyMarkdown } from '../core';
import type { Linted } from './lint-service';
import { uriToPath } from './uris';
import { version } from '../../../package.json';

export function coverageReport(l: Linted, a: Analysis | undefined): string {
  const file = uriToPath(l.uri) ?? l.uri;
  const name = path.basename(file);
  const review = buildReview({ results: [{ file, ...l.result! }], display: () => name, policy: l.policy, policyId: l.policy!.id, version: version });
  const f = review.files[0];
  for (const e of f.ipc) e.heading = a?.elements.find((x) => x.element.id === e.id)?.section?.title;
  return [`# Coverage of ${md(name)}`, '', `Checked against *${md(review.policyTitle)}*.`, '', ...strategyMarkdown(f, PLAIN, 2)].join('\n').replace(/\n+$/, '\n');
}
