// An in-memory workspace for the tests of the client-host protocol (a
// strategy with known gaps, the same with its EqIA in a linked file, a config,
// an ignore file), and the client's side of that protocol over it — what
// client/src/file-host.ts does with vscode.workspace.fs. The browser test's page
// carries its own copy of the answering code (it runs in the page).

const STRATEGY = `# Westmoor Adult Mental Health Commissioning Strategy 2026–2029

## Purpose and commitments (WCC 1)

Westmoor Integrated Care Board and Westmoor Council set out how they will jointly
commission adult mental health services, and commit to shorter waits for talking
therapies and fewer people sent out of area for an inpatient bed.

## Legislation and national guidance

The Mental Health Act 1983 governs detention and section 117 aftercare, and the
Mental Capacity Act 2005 frames decisions for people who lack capacity.

## Needs analysis (WCC 5)

The Joint Strategic Needs Assessment estimates that one adult in six in Westmoor
has a common mental health problem; demand for crisis care has risen by a fifth.

## Current services and resources

Two community mental health teams, a crisis house and a 40-bed acute unit serve
the borough; the voluntary sector runs peer support and employment schemes.

## Monitoring and review (WCC 10)

The mental health partnership board will review waiting times, out-of-area
placements and recovery rates every quarter, and refresh this strategy in 2028.

## Equality Impact Assessment

| Group | Impact | Evidence and mitigation |
|---|---|---|
| Black and minority ethnic communities | Positive | Outreach workers will be recruited from local communities. |
| Disabled people | Positive | Every new site will meet accessibility standards. |
| Women and men | Neutral | Services are open to all; uptake by sex is monitored. |
| Lesbian, gay and bisexual people | Positive | Staff are trained with the local LGBT+ forum. |
| Older people | Neutral | The strategy covers adults of working age and over. |
| Religion or belief | | |

Tagged for the board: WCC 
`;

// The same strategy with its EqIA in a separate file, which the client supplies.
const LINKED = STRATEGY.replace(/## Equality Impact Assessment[\s\S]*?\n\nTagged/, '## Equality Impact Assessment\n\nThe assessment is published separately: see the [full assessment](eqia/assessment.md).\n\nTagged');
const EQIA = `# Equality Impact Assessment

| Group | Impact | Evidence and mitigation |
|---|---|---|
| Black and minority ethnic communities | Positive | Outreach workers will be recruited from local communities. |
| Disabled people | Positive | Every new site will meet accessibility standards. |
| Women and men | Neutral | Services are open to all; uptake by sex is monitored. |
| Older people | Neutral | The strategy covers adults of working age and over. |
| Faith groups | Neutral | Chaplaincy is offered on every ward. |
`;

const WORKSPACE = {
  // wcc-coverage is an info finding by default: its absence shows the config was read.
  '.commissioning-lint.yaml': 'rules:\n  wcc-coverage: "off"\n',
  '.commissioning-lint-ignore': 'drafts/\n',
  'strategy.md': STRATEGY,
  'linked.md': LINKED,
  'eqia/assessment.md': EQIA,
  'closed.md': STRATEGY.replace(/## Needs analysis[\s\S]*?\n## Current/, '## Current'),
  'drafts/old.md': '# An old draft\n',
};

/** Answers commissioningLint/readFiles over `files` (URI → text); `sizes` may claim a size for a URI (a huge file). */
function readFiles(files, params, sizes = {}) {
  return {
    files: params.files.map(({ uri, cap }) => {
      const text = files[uri];
      if (text === undefined) return Object.keys(files).some((k) => k.startsWith(`${uri}/`)) ? { uri, type: 'directory' } : { uri, type: 'missing' };
      const size = sizes[uri] ?? Buffer.byteLength(text);
      return size > cap ? { uri, type: 'file', size, mtime: 1 } : { uri, type: 'file', size, mtime: 1, data: Buffer.from(text).toString('base64') };
    }),
  };
}

/** Answers commissioningLint/findFiles over `files`. */
function findFiles(files, params) {
  return { uris: Object.keys(files).filter((k) => k.startsWith(`${params.folder}/`) && /\.(md|markdown)$/.test(k)) };
}

/** The workspace's files under a folder URI. */
function at(folder, workspace = WORKSPACE) {
  return Object.fromEntries(Object.entries(workspace).map(([k, v]) => [`${folder}/${k}`, v]));
}

module.exports = { STRATEGY, LINKED, EQIA, WORKSPACE, readFiles, findFiles, at };
