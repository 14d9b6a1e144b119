// The benchmark's deterministic strategy generator (seeded), shared by
// tests/bench/bench.js and the fast parser's differential test.
'use strict';

/** mulberry32: a small seeded PRNG, so the corpus is the same on every machine. */
function prng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const PLACES = ['Northvale', 'Eastmoor', 'Riverside', 'Coldharbour', 'Hallam Vale', 'Westshire', 'Kingsmere', 'Thornbury', 'Pennine Edge', 'Lowfield', 'Ashbury', 'Marlow Vale', 'Greyfriars', 'Stourmouth', 'Linthwaite', 'Dunmere'];
const TOPICS = ['Adult Mental Health', 'Crisis Care', 'Later Life Mental Health', 'Community Mental Health', 'Perinatal Mental Health', 'Psychological Therapies', 'Dual Diagnosis', 'Suicide Prevention', 'Eating Disorders', 'Mental Health Rehabilitation'];
const SERVICES = ['community mental health team', 'crisis resolution and home treatment team', 'crisis café', 'inpatient ward', 'memory service', 'early intervention in psychosis service', 'talking therapies service', 'peer support service', 'supported housing scheme', 'liaison psychiatry team', 'recovery college', 'day centre'];
const PROVIDERS = ['the mental health trust', 'the council', 'a voluntary sector partner', 'the GP federation', 'a housing association', 'the acute trust'];
const ACTS = ['Mental Health Act 1983', 'Mental Capacity Act 2005', 'National Health Service Act 2006', 'Care Act 2014', 'Equality Act 2010', 'Health and Social Care Act 2012', 'Disability Discrimination Act 2005', 'Health and Care Act 2022'];
const WCC = [[1, 'Locally lead the NHS'], [2, 'Work with community partners'], [3, 'Engage with public and patients'], [4, 'Collaborate with clinicians'], [5, 'Manage knowledge and assess needs'], [6, 'Prioritise investment'], [7, 'Stimulate the market'], [8, 'Promote improvement and innovation'], [9, 'Secure procurement skills'], [10, 'Manage the local health system'], [11, 'Make sound financial investments']];
const HEADINGS = {
  purpose: ['Our vision and commitments', 'Purpose of this strategy', 'Introduction and purpose'],
  legislation: ['The national and legal context', 'Legislation and national guidance', 'Policy context'],
  needs: ['What the JSNA tells us', 'Local needs', 'Needs analysis'],
  services: ['Current services', 'Where are we now?', 'Current and potential services'],
  evidence: ['What works', 'Research and good practice', 'Evidence base'],
  changes: ['What we will do differently', 'Commissioning intentions', 'Changes needed'],
  monitoring: ['How we will know we have succeeded', 'Monitoring and review', 'Measuring success'],
};
const GROUPS = [['Ethnicity', 'BME communities'], ['Disability', 'disabled people'], ['Sex', 'men and women'], ['Sexual orientation', 'LGB people'], ['Age', 'older people'], ['Religion or belief', 'faith groups']];
const IMPACTS = ['Positive', 'Neutral', 'Positive, with mitigation', 'No differential impact identified'];

function sentences(rnd) {
  const pick = (a) => a[Math.floor(rnd() * a.length)];
  const n = (a, b) => a + Math.floor(rnd() * (b - a + 1));
  const place = pick(PLACES);
  return [
    () => `The ${pick(SERVICES)} in ${place} saw ${n(200, 4000)} people last year, ${n(5, 40)} per cent more than in ${n(2015, 2022)}.`,
    () => `We will commission ${pick(PROVIDERS)} to run a ${pick(SERVICES)} from ${n(2025, 2028)}, funded by moving £${n(1, 9)}.${n(0, 9)} million from bed-based care.`,
    () => `People told us that waiting ${n(2, 18)} weeks for a first appointment made their problems worse, and carers asked for help out of hours.`,
    () => `The Joint Strategic Needs Assessment estimates that ${n(8, 24)} per cent of adults in ${place} have a common mental health problem.`,
    () => `Evaluations of the ${pick(SERVICES)} elsewhere found fewer emergency admissions and better recovery outcomes after ${n(6, 24)} months.`,
    () => `The ${pick(ACTS)} shapes what we must commission, and we have reviewed our contracts against it.`,
    () => `Our section 75 agreement lets the ICB and the council pool £${n(4, 40)} million for community services.`,
    () => `We will publish quarterly dashboards on access, outcomes and experience, and the partnership board will review them every ${pick(['quarter', 'six months', 'year'])}.`,
    () => `Demand for the ${pick(SERVICES)} is projected to rise by ${n(3, 25)} per cent by ${n(2030, 2040)}, driven by population growth and deprivation.`,
    () => `The ${pick(SERVICES)} contract will not be re-let when it ends in ${n(2025, 2029)}; its funding moves to ${pick(SERVICES)}s.`,
    () => `Clinicians from ${pick(PROVIDERS)} helped design the new pathway, and people with lived experience sat on every panel. (WCC ${pick(WCC)[0]})`,
    () => `NICE guidance on psychosis and on common mental health problems informs our service specifications and our audit programme.`,
  ];
}

function paragraph(rnd) {
  const s = sentences(rnd);
  const k = 3 + Math.floor(rnd() * 4);
  return Array.from({ length: k }, () => s[Math.floor(rnd() * s.length)]()).join(' ');
}

function list(rnd) {
  const pick = (a) => a[Math.floor(rnd() * a.length)];
  return Array.from({ length: 3 + Math.floor(rnd() * 4) }, () => `- **${pick(SERVICES)}**: ${paragraph(rnd).split('. ')[0]}.`).join('\n');
}

function serviceTable(rnd, rows) {
  const pick = (a) => a[Math.floor(rnd() * a.length)];
  const out = ['| Service | Provider | Annual cost | Status | Notes |', '|---|---|---:|---|---|'];
  for (let i = 0; i < rows; i++) out.push(`| ${pick(SERVICES)} ${i + 1} | ${pick(PROVIDERS)} | £${Math.floor(rnd() * 900) + 50}k | ${pick(['continue', 'expand', 'decommission', 're-procure'])} | ${pick(PLACES)} locality |`);
  return out.join('\n');
}

function eqia(rnd) {
  const rows = GROUPS.filter(() => rnd() > 0.08).map(([g, who]) => `| ${g} | ${IMPACTS[Math.floor(rnd() * IMPACTS.length)]} | Effect on ${who} considered with local groups. |`);
  return ['## Equality Impact Assessment', '', '| Group | Impact | Notes |', '|---|---|---|', ...rows].join('\n');
}

/** One strategy of about `bytes` bytes; `tableRows` adds a long service table. */
function strategy(seed, bytes, tableRows = 0) {
  const rnd = prng(seed);
  const pick = (a) => a[Math.floor(rnd() * a.length)];
  const place = pick(PLACES);
  const year = 2009 + Math.floor(rnd() * 16);
  const parts = [];
  if (rnd() < 0.3) parts.push(`---\ntitle: ${place} ${pick(TOPICS)} Strategy\nowner: ${place} ICB and ${place} Council\nstatus: Draft\nwcc: [${pick(WCC)[0]}, ${pick(WCC)[0]}]\n---\n`);
  parts.push(`# ${place} ${pick(TOPICS)} Commissioning Strategy ${year}–${year + 5}\n`);
  const sections = Object.entries(HEADINGS).filter(() => rnd() > 0.07);
  const bodies = sections.map(([id, hs]) => {
    const body = [`## ${pick(hs)}`, '', paragraph(rnd), '', rnd() < 0.5 ? list(rnd) : paragraph(rnd)];
    if (id === 'legislation') body.push('', ACTS.filter(() => rnd() < 0.5).map((a) => `- The ${a} sets duties we must meet.`).join('\n') || '- The Care Act 2014 sets duties we must meet.');
    if (id === 'services') body.push('', serviceTable(rnd, tableRows || 4 + Math.floor(rnd() * 6)));
    const [n, name] = pick(WCC);
    body.push('', `${paragraph(rnd)} (WCC ${n} – ${name})`);
    return body;
  });
  let text = parts.join('\n') + '\n' + bodies.map((b) => b.join('\n')).join('\n\n') + '\n\n' + eqia(rnd) + '\n';
  // Grow to the target size with locality sub-sections in the middle of the document.
  const grow = [];
  let size = Buffer.byteLength(text);
  for (let i = 1; size < bytes; i++) {
    const sub = `### ${pick(PLACES)} locality ${i}\n\n${paragraph(rnd)}\n\n${rnd() < 0.3 ? list(rnd) : paragraph(rnd)}\n`;
    grow.push(sub);
    size += Buffer.byteLength(sub) + 1;
  }
  if (grow.length) {
    const at = text.indexOf('\n## ', text.indexOf('\n## ') + 1);
    text = text.slice(0, at + 1) + '## Localities\n\n' + grow.join('\n') + '\n' + text.slice(at + 1);
  }
  return text;
}

module.exports = { prng, strategy };
