// Turns a resolved plain-data pack into the compiled Policy the rules read.
import type { RawPack } from './raw';
import type { CompetencyDef, Matcher, Policy } from './types';
import { PhraseBook } from '../match/book';
import type { FrozenMatcher } from '../match';
import frozenBooks from 'virtual:phrase-books';
import { isRegexEntry, phraseError } from '../match/source';
import { openingSource } from '../recognise/wcc-syntax';
import { Derived } from './derived';
import { safeUrl } from '../docs';

/**
 * Where in the resolved pack an entry lies: map keys, list indexes, and `{ id }` for
 * an entry of a list keyed by id (elements, aspects, groups, Acts), since a pack that
 * `extends` another merges those by id, not by position.
 */
export type PackPath = Array<string | number | { id: string }>;

/** A problem compiling a pack: what is wrong and the path of the entry (load.ts finds its file and line). */
export interface CompileProblem {
  path: PackPath;
  message: string;
}

/** At most this many phrases in one list (the default pack's longest has under 100). */
const MAX_PHRASES = 2000;
const MAX_PHRASE_LENGTH = 300;

/** How /regex/ phrases that are not the built-in packs' own are treated (see bounded-regex.ts). */
export interface RegexTrust {
  /** The built-in packs' /regex/ phrases, which run on V8's engine. */
  trusted: ReadonlySet<string>;
  /** Others run on the linear-time engine, or (an untrusted workspace) are left out with a warning. */
  others: 'bounded' | 'refused';
}

export function compilePolicy(raw: RawPack, builtin?: string, trust?: RegexTrust): { policy?: Policy; problems: CompileProblem[]; warnings: CompileProblem[] } {
  const problems: CompileProblem[] = [];
  const warnings: CompileProblem[] = [];
  // A built-in pack as shipped has its book compiled at build time.
  const frozen = builtin ? frozenBooks[builtin] : undefined;
  const book = new PhraseBook(frozen ? (JSON.parse(frozen) as FrozenMatcher) : undefined);
  const isWorkspaceRegex = (p: string) => !!trust && isRegexEntry(p) && !trust.trusted.has(p);
  /** Whether a phrase is kept (else a problem or, in an untrusted workspace, a warning says why); `bounded` gets a workspace regex. */
  const accept = (p: string, where: string, at: PackPath, bounded: Set<string>, maxLength = Infinity): boolean => {
    const workspace = isWorkspaceRegex(p);
    if (workspace && trust!.others === 'refused') {
      warnings.push({ path: at, message: `${where}: the regular expression ${JSON.stringify(p)} is not used: patterns from the workspace are not run in an untrusted workspace (trust the workspace to use it)` });
      return false;
    }
    // A built-in pack's phrases were checked when its book was frozen (esbuild.js loads it as here).
    const err = p.length > maxLength ? `a phrase of ${p.length} characters; at most ${maxLength} are allowed` : frozen ? undefined : phraseError(p, workspace);
    if (err) problems.push({ path: at, message: `${where}: ${err}` });
    else if (workspace) bounded.add(p);
    return !err;
  };
  // `where` names the list in messages (by id, as before); `path` locates it (`indexed`: a list, not one value).
  const phrases = (list: string[] | undefined, where: string, path: PackPath, indexed = true): Matcher => {
    // Bounds keep a hostile config from building an enormous matcher (40,000 synonyms made 1.8 MB of regex before).
    if ((list?.length ?? 0) > MAX_PHRASES) {
      problems.push({ path, message: `${where}: has ${list!.length.toLocaleString('en-GB')} phrases; at most ${MAX_PHRASES.toLocaleString('en-GB')} are allowed in one list` });
      return book.list([]);
    }
    const bounded = new Set<string>();
    const ok = (list ?? []).filter((p, i) => accept(p, where, indexed ? [...path, i] : path, bounded, MAX_PHRASE_LENGTH));
    return book.list(ok, bounded);
  };
  // The words that open a WCC reference also go into the tag pattern: each must compile
  // there and must not match empty text (or every number would read as a reference).
  const openings = (list: string[] | undefined, where: string, path: PackPath): Matcher => {
    const set = phrases(list, where, path);
    for (const [i, p] of (list ?? []).entries()) {
      // These go into one V8 pattern with the syntax around them: only the built-in packs' own patterns may.
      // A built-in pack's were checked when its book was frozen (each check compiles a pattern: ~1 ms of a cold start).
      const err = set.bounded.has(p) ? `${JSON.stringify(p)} is a regular expression: WCC vocabulary from outside the built-in packs takes plain words` : set.phrases.includes(p) && !frozen ? openingError(p) : undefined;
      if (err) problems.push({ path: [...path, i], message: `${where}: ${err}` });
    }
    return set;
  };
  const competencies = (raw.competencies ?? []).map((c, at) => ({ def: { number: c.number, names: c.names, description: c.description ?? '' }, at })).sort((a, b) => a.def.number - b.def.number);
  const data: Omit<Policy, 'derived'> = {
    id: raw.id,
    builtin,
    title: raw.title ?? raw.id,
    description: raw.description ?? '',
    docsBase: safeUrl(raw.docsBase) ?? '',
    minWords: raw.minWords ?? 12,
    placeholders: phrases(raw.placeholders, 'placeholders', ['placeholders']),
    apparatus: phrases(raw.apparatus, 'apparatus', ['apparatus']),
    subject: phrases(raw.subject, 'subject', ['subject']),
    retellings: phrases(raw.retellings, 'retellings', ['retellings']),
    elements: (raw.elements ?? []).map((e) => ({
      id: e.id,
      title: e.title ?? e.id,
      description: e.description ?? '',
      headings: phrases(e.headings, `elements.${e.id}.headings`, ['elements', { id: e.id }, 'headings']),
      weakHeadings: e.weakHeadings ? phrases(e.weakHeadings, `elements.${e.id}.weakHeadings`, ['elements', { id: e.id }, 'weakHeadings']) : undefined,
      contentHeadings: e.contentHeadings ? phrases(e.contentHeadings, `elements.${e.id}.contentHeadings`, ['elements', { id: e.id }, 'contentHeadings']) : undefined,
      notHeadings: e.notHeadings ? phrases(e.notHeadings, `elements.${e.id}.notHeadings`, ['elements', { id: e.id }, 'notHeadings']) : undefined,
      signals: phrases(e.signals, `elements.${e.id}.signals`, ['elements', { id: e.id }, 'signals']),
      nearMisses: e.nearMisses ? phrases(e.nearMisses, `elements.${e.id}.nearMisses`, ['elements', { id: e.id }, 'nearMisses']) : undefined,
      anchors: e.anchors ? phrases(e.anchors, `elements.${e.id}.anchors`, ['elements', { id: e.id }, 'anchors']) : undefined,
      minSignals: e.minSignals ?? 99,
      aspects: (e.aspects ?? []).map((a) => ({
        id: a.id,
        title: a.title ?? a.id,
        description: a.description ?? '',
        signals: phrases(a.signals, `elements.${e.id}.aspects.${a.id}`, ['elements', { id: e.id }, 'aspects', { id: a.id }, 'signals']),
        notStated: a.notStated ? phrases(a.notStated, `elements.${e.id}.aspects.${a.id}.notStated`, ['elements', { id: e.id }, 'aspects', { id: a.id }, 'notStated']) : undefined,
        nearMisses: a.nearMisses ? phrases(a.nearMisses, `elements.${e.id}.aspects.${a.id}.nearMisses`, ['elements', { id: e.id }, 'aspects', { id: a.id }, 'nearMisses']) : undefined,
        takenBack: a.takenBack ? phrases(a.takenBack, `elements.${e.id}.aspects.${a.id}.takenBack`, ['elements', { id: e.id }, 'aspects', { id: a.id }, 'takenBack']) : undefined,
        deniedThroughout: a.deniedThroughout ? phrases(a.deniedThroughout, `elements.${e.id}.aspects.${a.id}.deniedThroughout`, ['elements', { id: e.id }, 'aspects', { id: a.id }, 'deniedThroughout']) : undefined,
        headings: a.headings ? phrases(a.headings, `elements.${e.id}.aspects.${a.id}.headings`, ['elements', { id: e.id }, 'aspects', { id: a.id }, 'headings']) : undefined,
        stops: a.stops
          ? {
              actions: phrases(a.stops.actions, `elements.${e.id}.aspects.${a.id}.stops.actions`, ['elements', { id: e.id }, 'aspects', { id: a.id }, 'stops', 'actions']),
              objects: phrases(a.stops.objects, `elements.${e.id}.aspects.${a.id}.stops.objects`, ['elements', { id: e.id }, 'aspects', { id: a.id }, 'stops', 'objects']),
            }
          : undefined,
      })),
      wcc: e.wcc ?? [],
      scaffold: e.scaffold ?? e.description ?? '',
    })),
    eqia: {
      headings: phrases(raw.eqia?.headings, 'eqia.headings', ['eqia', 'headings']),
      introductions: phrases(raw.eqia?.introductions, 'eqia.introductions', ['eqia', 'introductions']),
      impact: phrases(raw.eqia?.impact, 'eqia.impact', ['eqia', 'impact']),
      unassessed: phrases(raw.eqia?.unassessed, 'eqia.unassessed', ['eqia', 'unassessed']),
      listCues: phrases(raw.eqia?.listCues, 'eqia.listCues', ['eqia', 'listCues']),
      pointers: phrases(raw.eqia?.pointers, 'eqia.pointers', ['eqia', 'pointers']),
      generalHeadings: phrases(raw.eqia?.generalHeadings, 'eqia.generalHeadings', ['eqia', 'generalHeadings']),
      organisations: phrases(raw.eqia?.organisations, 'eqia.organisations', ['eqia', 'organisations']),
      providers: phrases(raw.eqia?.providers, 'eqia.providers', ['eqia', 'providers']),
      providerColumns: phrases(raw.eqia?.providerColumns, 'eqia.providerColumns', ['eqia', 'providerColumns']),
      otherGroups: phrases(raw.eqia?.otherGroups, 'eqia.otherGroups', ['eqia', 'otherGroups']),
      blanket: phrases(raw.eqia?.blanket, 'eqia.blanket', ['eqia', 'blanket']),
      verdicts: phrases(raw.eqia?.verdicts, 'eqia.verdicts', ['eqia', 'verdicts']),
      noImpact: phrases(raw.eqia?.noImpact, 'eqia.noImpact', ['eqia', 'noImpact']),
      impactQuestions: phrases(raw.eqia?.impactQuestions, 'eqia.impactQuestions', ['eqia', 'impactQuestions']),
      cellMarks: phrases(raw.eqia?.cellMarks, 'eqia.cellMarks', ['eqia', 'cellMarks']),
      impactColumns: phrases(raw.eqia?.impactColumns, 'eqia.impactColumns', ['eqia', 'impactColumns']),
      scaffold: raw.eqia?.scaffold ?? '',
    },
    groups: (raw.groups ?? []).map((g) => ({
      id: g.id,
      label: g.label ?? g.id,
      names: g.names ?? [],
      synonyms: phrases(g.synonyms, `groups.${g.id}.synonyms`, ['groups', { id: g.id }, 'synonyms']),
      nearMisses: g.nearMisses ? phrases(g.nearMisses, `groups.${g.id}.nearMisses`, ['groups', { id: g.id }, 'nearMisses']) : undefined,
      partOnly: g.partOnly ? phrases(g.partOnly, `groups.${g.id}.partOnly`, ['groups', { id: g.id }, 'partOnly']) : undefined,
    })),
    competencies: competencies.map((c) => c.def),
    wcc: {
      context: phrases(raw.wcc?.context, 'wcc.context', ['wcc', 'context']),
      prefixes: openings(raw.wcc?.prefixes, 'wcc.prefixes', ['wcc', 'prefixes']),
      introducers: openings(raw.wcc?.introducers, 'wcc.introducers', ['wcc', 'introducers']),
      standalone: openings(raw.wcc?.standalone, 'wcc.standalone', ['wcc', 'standalone']),
    },
    legislation: (raw.legislation ?? []).map((a) => ({
      id: a.id,
      title: a.title ?? a.id,
      aliases: a.aliases ? phrases(a.aliases, `legislation.${a.id}.aliases`, ['legislation', { id: a.id }, 'aliases']) : phrases([a.title ?? a.id], `legislation.${a.id}.aliases`, ['legislation', { id: a.id }, a.title ? 'title' : 'id'], false),
      aliasList: a.aliases ?? [a.title ?? a.id],
      url: safeUrl(a.url),
      summary: a.summary ?? '',
      status: a.status ?? '',
      superseded: a.superseded ?? false,
      successor: a.successor,
    })),
    rules: raw.rules ?? {},
  };
  // Every competency name, in order, as one list: a name written without a number can still be a reference.
  const names: string[] = [];
  const owners: CompetencyDef[] = [];
  const namesBounded = new Set<string>();
  for (const { def, at } of competencies) {
    def.names.forEach((name, j) => {
      if (!accept(name, `competencies.${def.number}.names`, ['competencies', at, 'names', j], namesBounded)) return;
      // "&" or "+" may stand for "and" in a name ("Engage with public & patients").
      for (const written of nameForms(name)) {
        names.push(written);
        owners.push(def);
      }
    });
  }
  const wccNames = { list: book.list(names, namesBounded), competencies: owners };
  const policy: Policy = { ...data, derived: new Derived(data, book, wccNames) };
  for (const a of policy.legislation) {
    if (a.successor && !policy.legislation.some((b) => b.id === a.successor)) {
      problems.push({ path: ['legislation', { id: a.id }, 'successor'], message: `legislation.${a.id}.successor: no Act with id "${a.successor}"` });
    }
  }
  return problems.length ? { problems, warnings } : { policy, problems, warnings };
}

/** Why a phrase cannot open a WCC reference, if it cannot (phraseError has already checked it compiles alone). */
function openingError(phrase: string): string | undefined {
  try {
    if (new RegExp(`^(?:${openingSource([phrase])})$`, 'iu').test('')) return `${JSON.stringify(phrase)} matches empty text, so every number would read as a WCC reference`;
    return undefined;
  } catch (err) {
    return `invalid pattern ${JSON.stringify(phrase)}: ${(err as Error).message}`;
  }
}

/** A competency's name as written, and with "&" and "+" for each "and" in it (a regex entry as it is). */
function nameForms(name: string): string[] {
  if (isRegexEntry(name) || !/\sand\s/i.test(name)) return [name];
  return [name, name.replace(/\s+and\s+/gi, ' & '), name.replace(/\s+and\s+/gi, ' + ')];
}
