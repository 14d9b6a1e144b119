// The rule registry: the one explicit list of rules, in reporting order.
import type { Rule } from './rule';
import { ipcElementMissing } from './ipc-element-missing';
import { ipcElementEmpty } from './ipc-element-empty';
import { ipcAspectMissing } from './ipc-aspect-missing';
import { eqiaMissing } from './eqia-missing';
import { eqiaGroupMissing } from './eqia-group-missing';
import { eqiaGroupUnassessed } from './eqia-group-unassessed';
import { eqiaLinkInvalid } from './eqia-link-invalid';
import { wccTagInvalid } from './wcc-tag-invalid';
import { wccCoverage } from './wcc-coverage';
import { legislationSuperseded } from './legislation-superseded';
import { frontMatterInvalid } from './front-matter-invalid';
import { waiverInvalid } from './waiver-invalid';

export const RULES: Rule[] = [
  ipcElementMissing,
  ipcElementEmpty,
  ipcAspectMissing,
  eqiaMissing,
  eqiaGroupMissing,
  eqiaGroupUnassessed,
  eqiaLinkInvalid,
  wccTagInvalid,
  wccCoverage,
  legislationSuperseded,
  frontMatterInvalid,
  waiverInvalid,
];

export type { Rule } from './rule';
