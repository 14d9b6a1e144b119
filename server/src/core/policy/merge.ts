// Combines packs: a pack that `extends` another overrides it entry by entry
// (elements, groups and Acts by id, competencies by number), and a workspace
// config adjusts the result (severities, extra synonyms, local elements).
import type { RawConfig, RawPack } from './raw';

type Keyed = { id?: string; number?: number; after?: string };

function keyOf(item: Keyed): string {
  return item.id ?? String(item.number);
}

/** Merge two lists of keyed entries: same key → fields overridden; new key → appended (or placed `after`). */
function mergeList<T extends Keyed>(base: T[] | undefined, over: T[] | undefined): T[] | undefined {
  if (!over) return base;
  const out = [...(base ?? [])];
  for (const item of over) {
    const at = out.findIndex((b) => keyOf(b) === keyOf(item));
    if (at >= 0) {
      out[at] = { ...out[at], ...item };
      continue;
    }
    const anchor = item.after ? out.findIndex((b) => keyOf(b) === item.after) : -1;
    if (anchor >= 0) out.splice(anchor + 1, 0, item);
    else out.push(item);
  }
  return out;
}

export function mergePacks(base: RawPack, over: RawPack): RawPack {
  const groups = mergeList(base.groups, over.groups)?.filter((g) => !over.removeGroups?.includes(g.id));
  return {
    ...base,
    ...over,
    extends: undefined,
    elements: mergeList(base.elements, over.elements),
    groups,
    competencies: mergeList(base.competencies, over.competencies),
    legislation: mergeList(base.legislation, over.legislation),
    eqia: { ...base.eqia, ...over.eqia },
    wcc: { ...base.wcc, ...over.wcc },
    rules: { ...base.rules, ...over.rules },
  };
}

/** Applies a workspace config to a resolved pack; returns problems for ids the pack does not know. */
export function applyConfig(pack: RawPack, config: RawConfig): { pack: RawPack; problems: Array<{ path: string; message: string }> } {
  const problems: Array<{ path: string; message: string }> = [];
  const elements = (pack.elements ?? []).map((e) => ({ ...e }));
  const groups = (pack.groups ?? []).map((g) => ({ ...g }));
  for (const [id, extra] of Object.entries(config.synonyms?.elements ?? {})) {
    const el = elements.find((e) => e.id === id);
    if (!el) problems.push({ path: `/synonyms/elements/${id}`, message: `unknown element "${id}" (known: ${elements.map((e) => e.id).join(', ')})` });
    else el.headings = [...(el.headings ?? []), ...extra];
  }
  for (const [id, extra] of Object.entries(config.synonyms?.groups ?? {})) {
    const g = groups.find((x) => x.id === id);
    if (!g) problems.push({ path: `/synonyms/groups/${id}`, message: `unknown equality group "${id}" (known: ${groups.map((x) => x.id).join(', ')})` });
    else g.synonyms = [...(g.synonyms ?? []), ...extra];
  }
  for (const local of config.elements ?? []) {
    if (elements.some((e) => e.id === local.id)) {
      problems.push({ path: '/elements', message: `element "${local.id}" already exists in the policy` });
      continue;
    }
    elements.push({ signals: [], minSignals: 99, aspects: [], wcc: [], ...local });
  }
  const eqia = { ...pack.eqia, headings: [...(pack.eqia?.headings ?? []), ...(config.synonyms?.eqia ?? [])] };
  return { pack: { ...pack, elements, groups, eqia, rules: { ...pack.rules, ...config.rules } }, problems };
}
