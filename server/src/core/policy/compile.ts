// Turns a resolved plain-data pack into the compiled Policy the rules read.
import type { RawPack } from './raw';
import type { Policy, PolicyProblem } from './types';
import { PhraseSet, phraseError } from './phrases';

export function compilePolicy(raw: RawPack, file: string): { policy?: Policy; problems: PolicyProblem[] } {
  const problems: PolicyProblem[] = [];
  const phrases = (list: string[] | undefined, where: string): PhraseSet => {
    const ok: string[] = [];
    for (const p of list ?? []) {
      const err = phraseError(p);
      if (err) problems.push({ file, line: 1, column: 1, message: `${where}: ${err}` });
      else ok.push(p);
    }
    return new PhraseSet(ok);
  };
  const policy: Policy = {
    id: raw.id,
    title: raw.title ?? raw.id,
    description: raw.description ?? '',
    docsBase: raw.docsBase ?? '',
    minWords: raw.minWords ?? 12,
    placeholders: phrases(raw.placeholders, 'placeholders'),
    elements: (raw.elements ?? []).map((e) => ({
      id: e.id,
      title: e.title ?? e.id,
      description: e.description ?? '',
      headings: phrases(e.headings, `elements.${e.id}.headings`),
      weakHeadings: e.weakHeadings ? phrases(e.weakHeadings, `elements.${e.id}.weakHeadings`) : undefined,
      notHeadings: e.notHeadings ? phrases(e.notHeadings, `elements.${e.id}.notHeadings`) : undefined,
      signals: phrases(e.signals, `elements.${e.id}.signals`),
      nearMisses: e.nearMisses ? phrases(e.nearMisses, `elements.${e.id}.nearMisses`) : undefined,
      minSignals: e.minSignals ?? 99,
      aspects: (e.aspects ?? []).map((a) => ({
        id: a.id,
        title: a.title ?? a.id,
        description: a.description ?? '',
        signals: phrases(a.signals, `elements.${e.id}.aspects.${a.id}`),
      })),
      wcc: e.wcc ?? [],
      scaffold: e.scaffold ?? e.description ?? '',
    })),
    eqia: {
      headings: phrases(raw.eqia?.headings, 'eqia.headings'),
      introductions: phrases(raw.eqia?.introductions, 'eqia.introductions'),
      impact: phrases(raw.eqia?.impact, 'eqia.impact'),
      unassessed: phrases(raw.eqia?.unassessed, 'eqia.unassessed'),
      listCues: phrases(raw.eqia?.listCues, 'eqia.listCues'),
      blanket: phrases(raw.eqia?.blanket, 'eqia.blanket'),
      verdicts: phrases(raw.eqia?.verdicts, 'eqia.verdicts'),
      noImpact: phrases(raw.eqia?.noImpact, 'eqia.noImpact'),
      cellMarks: phrases(raw.eqia?.cellMarks, 'eqia.cellMarks'),
      impactColumns: phrases(raw.eqia?.impactColumns, 'eqia.impactColumns'),
      scaffold: raw.eqia?.scaffold ?? '',
    },
    groups: (raw.groups ?? []).map((g) => ({
      id: g.id,
      label: g.label ?? g.id,
      names: g.names ?? [],
      synonyms: phrases(g.synonyms, `groups.${g.id}.synonyms`),
      nearMisses: g.nearMisses ? phrases(g.nearMisses, `groups.${g.id}.nearMisses`) : undefined,
    })),
    competencies: (raw.competencies ?? [])
      .map((c) => ({ number: c.number, names: c.names, description: c.description ?? '' }))
      .sort((a, b) => a.number - b.number),
    wcc: { context: phrases(raw.wcc?.context, 'wcc.context') },
    legislation: (raw.legislation ?? []).map((a) => ({
      id: a.id,
      title: a.title ?? a.id,
      aliases: phrases(a.aliases ?? [a.title ?? a.id], `legislation.${a.id}.aliases`),
      aliasList: a.aliases ?? [a.title ?? a.id],
      url: a.url,
      summary: a.summary ?? '',
      status: a.status ?? '',
      superseded: a.superseded ?? false,
      successor: a.successor,
    })),
    rules: raw.rules ?? {},
  };
  for (const a of policy.legislation) {
    if (a.successor && !policy.legislation.some((b) => b.id === a.successor)) {
      problems.push({ file, line: 1, column: 1, message: `legislation.${a.id}.successor: no Act with id "${a.successor}"` });
    }
  }
  return problems.length ? { problems } : { policy, problems };
}
