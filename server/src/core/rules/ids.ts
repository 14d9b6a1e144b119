// Every rule id, in registry order (kept apart from the registry to avoid an import cycle).
export const RULE_IDS = [
  'ipc-element-missing',
  'ipc-element-empty',
  'ipc-aspect-missing',
  'eqia-missing',
  'eqia-group-missing',
  'eqia-group-unassessed',
  'eqia-link-invalid',
  'wcc-tag-invalid',
  'wcc-coverage',
  'legislation-superseded',
  'front-matter-invalid',
  'waiver-invalid',
];
