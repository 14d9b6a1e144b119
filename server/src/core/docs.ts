// Where each rule's documentation lives; every diagnostic links there.
import type { Policy } from './policy/types';

export const DEFAULT_DOCS_BASE = 'https://github.com/commissioning-lint/commissioning-lint/blob/main/docs/rules/';

/** Only an https: address is ever linked (a pack's "command:" or "javascript:" base would run in an editor). */
export function safeUrl(url: string | undefined): string | undefined {
  return url && /^https:\/\/[^\s()<>[\]]+$/.test(url) ? url : undefined;
}

export function ruleDocsUrl(ruleId: string, policy?: Policy): string {
  return `${safeUrl(policy?.docsBase) ?? DEFAULT_DOCS_BASE}${ruleId}.md`;
}
