// Where each rule's documentation lives; every diagnostic links there.
import type { Policy } from './policy/types';

export const DEFAULT_DOCS_BASE = 'https://github.com/commissioning-lint/commissioning-lint/blob/main/docs/rules/';

export function ruleDocsUrl(ruleId: string, policy?: Policy): string {
  return `${policy?.docsBase || DEFAULT_DOCS_BASE}${ruleId}.md`;
}
