// generate-rich.js — a deterministic (seeded) generator of realistic, *rich*
// Markdown mental-health commissioning strategies, for benchmarking the
// strategy linter on input that does not flatter it.
//
// tests/bench/generate.js writes plain `##` sections, one-line paragraphs and a
// single table shape. Real strategies carry much more Markdown, so this one
// mixes, in proportions that vary per seed: YAML front matter, inline /
// reference / auto links, footnotes, images, multi-paragraph block quotes with
// nested lists, bold labels, smart quotes and dashes, non-ASCII names, long
// prose (hard-wrapped or single-line), five table shapes, nested loose/tight
// and task lists, ATX (numbered, closed) and setext headings, HTML comments and
// blocks, thematic breaks and the odd fenced code block — laid out as the seven
// IPC elements, then appendices, glossary and notes. Large targets repeat whole
// freshly drawn chapters (a topic in a locality), never the same paragraph.
// It was written without reading the parser, so it knows none of its fast paths.
//
//   richStrategy(seed, targetBytes, tableRows = 0) → string of ≈ targetBytes
//   UTF-8 bytes (±10%, 2 KB – 10 MB); tableRows > 0 adds a service register
//   table of exactly that many rows. Same arguments → same string everywhere.
'use strict';

// mulberry32, the first generator's seeded PRNG: identical on every machine.
const { prng: mulberry32 } = require('./generate');

// ---- Vocabulary -------------------------------------------------------------
const PLACES = ['Northvale', 'Eastmoor', 'Riverside', 'Coldharbour', 'Hallam Vale', 'Westshire', 'Kingsmere', 'Thornbury', 'Pennine Edge', 'Lowfield', 'Ashbury', 'Greyfriars', 'Stourmouth', 'Pen-y-Dŵr', 'Glan-y-Môr', 'Sandleigh'];
const TOPICS = ['Adult Mental Health', 'Crisis Care', 'Later Life Mental Health', 'Community Mental Health', 'Perinatal Mental Health', 'Psychological Therapies', 'Dual Diagnosis', 'Suicide Prevention', 'Eating Disorders', 'Rehabilitation and Recovery', 'Early Intervention in Psychosis', 'Mental Health and Employment'];
const SERVICES = ['community mental health team', 'crisis resolution and home treatment team', 'crisis café', 'acute inpatient ward', 'memory assessment service', 'early intervention in psychosis service', 'NHS Talking Therapies service', 'peer support service', 'supported housing scheme', 'liaison psychiatry team', 'recovery college', 'street triage scheme', 'perinatal mental health team', 'Individual Placement and Support service', 'crisis house', 'rehabilitation unit'];
const PROVIDERS = ['the mental health trust', 'the council', 'Mind in {place}', 'the GP federation', 'a housing association', 'the acute trust', 'Rethink Mental Illness', 'a social enterprise', 'the ambulance trust'];
const PEOPLE = ['Dr Chloé Marchetti', 'Jörg Lindqvist', 'Małgorzata Kowalczyk', 'Siobhán O’Connell', 'Dr Ngozi Adébáyọ̀', 'Gwenllïan Pryce', 'Rhodri ap Dŵr', 'Zoë Hartley-Nuñez', 'Łukasz Wiśniewski', 'Dr Priya Raghunathan', 'Søren Ødegaard', 'Amélie Durand', 'Tomás Ó Briain'];
const ROLES = ['Director of Commissioning', 'Clinical Lead for Mental Health', 'Chair, Mental Health Partnership Board', 'Cabinet Member for Adult Social Care', 'Head of Mental Health Commissioning', 'Lived Experience Lead'];
const BOARDS = ['Mental Health Partnership Board', 'Health and Wellbeing Board', 'ICB Quality Committee', 'Joint Commissioning Board', 'Integrated Care Partnership'];
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const ACTS = { mha: ['Mental Health Act 1983', 'ukpga/1983/20'], mca: ['Mental Capacity Act 2005', 'ukpga/2005/9'], nhs: ['National Health Service Act 2006', 'ukpga/2006/41'], care: ['Care Act 2014', 'ukpga/2014/23'], eq: ['Equality Act 2010', 'ukpga/2010/15'], hsc: ['Health and Social Care Act 2012', 'ukpga/2012/7'], hca: ['Health and Care Act 2022', 'ukpga/2022/31'], dda: ['Disability Discrimination Act 2005', 'ukpga/2005/13'], hra: ['Human Rights Act 1998', 'ukpga/1998/42'], autism: ['Autism Act 2009', 'ukpga/2009/15'], force: ['Mental Health Units (Use of Force) Act 2018', 'ukpga/2018/27'], wales: ['Mental Health (Wales) Measure 2010', 'mwa/2010/7'] };
const POLICIES = [['No Health Without Mental Health', 'https://www.gov.uk/government/publications/no-health-without-mental-health-a-cross-government-outcomes-strategy', 2011], ['The Five Year Forward View for Mental Health', 'https://www.england.nhs.uk/publication/the-five-year-forward-view-for-mental-health/', 2016], ['NHS Long Term Plan', 'https://www.longtermplan.nhs.uk/', 2019], ['New Horizons', 'https://www.gov.uk/government/publications/new-horizons-a-shared-vision-for-mental-health', 2009], ['Mental Health Crisis Care Concordat', 'https://www.crisiscareconcordat.org.uk/', 2014], ['Community Mental Health Framework for Adults and Older Adults', 'https://www.england.nhs.uk/publication/the-community-mental-health-framework-for-adults-and-older-adults/', 2019], ['Delivering Race Equality in Mental Health Care', 'https://www.gov.uk/government/publications/delivering-race-equality-in-mental-health-care', 2005], ['Modernising the Mental Health Act', 'https://www.gov.uk/government/publications/modernising-the-mental-health-act-final-report-from-the-independent-review', 2018], ['Preventing suicide in England', 'https://www.gov.uk/government/publications/suicide-prevention-strategy-for-england', 2012]];
const NICE = [['CG178', 'psychosis and schizophrenia in adults'], ['CG90', 'depression in adults'], ['CG123', 'common mental health problems'], ['NG10', 'violence and aggression'], ['CG136', 'service user experience in adult mental health'], ['CG192', 'antenatal and postnatal mental health'], ['NG225', 'self-harm'], ['NG69', 'eating disorders'], ['NG53', 'transition between inpatient and community settings']];
const EVID = ['A Cochrane review of {n} randomised controlled trials', 'The Centre for Mental Health', 'The King’s Fund', 'An evaluation by the University of {place2}', 'The National Confidential Inquiry into Suicide and Safety in Mental Health', 'A realist evaluation in {place2}', 'NHS Benchmarking Network data', 'The Royal College of Psychiatrists’ national audit'];
const WCC = [[1, 'Locally lead the NHS'], [2, 'Work with community partners'], [3, 'Engage with public and patients'], [4, 'Collaborate with clinicians'], [5, 'Manage knowledge and assess needs'], [6, 'Prioritise investment'], [7, 'Stimulate the market'], [8, 'Promote improvement and innovation'], [9, 'Secure procurement skills'], [10, 'Manage the local health system'], [11, 'Make sound financial investments']];
const WORDS = ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven'];
const GROUPS = [['Age', 'older people', 'young adults aged 18–25'], ['Disability', 'disabled people', 'Deaf people who use BSL'], ['Gender reassignment', 'trans and non-binary people', 'transgender people'], ['Marriage and civil partnership', 'people who are married or in a civil partnership', 'married people'], ['Pregnancy and maternity', 'new and expectant mothers', 'women in the perinatal period'], ['Race', 'Black and minority ethnic communities', 'Gypsy, Roma and Traveller communities'], ['Religion or belief', 'faith communities', 'people of all faiths and none'], ['Sex', 'men and women', 'young men'], ['Sexual orientation', 'lesbian, gay and bisexual people', 'LGBT+ people']];
const IMPACTS = ['Positive', 'Positive', 'Neutral', 'No differential impact identified', 'Negative — mitigated', 'Adverse (see mitigation)', 'Not yet assessed', 'N/A', 'Positive for most; risk for some (see notes)'];
const LABELS = ['Why this matters', 'Context', 'Our commitment', 'Key finding', 'Risk', 'Note', 'In summary', 'What we will do', 'Gap', 'Evidence'];
const QUOTES = ['I waited eleven weeks for a first appointment, and by then I had lost my job.', 'The crisis café was the first place where nobody asked me to fill in a form before they listened.', 'When Mum was sectioned nobody told us what was happening, or what our rights were.', 'I want to be treated as a person, not a diagnosis.', 'Peer support workers get it — they’ve been there themselves.', 'The ward was forty miles from home. My kids couldn’t visit once in six weeks.', 'Being asked about my culture made me feel I could be honest about what was going on.', 'I’m Deaf, and the interpreter didn’t turn up for two of my three assessments.', 'As a trans woman I was frightened I’d be put on the wrong ward.', 'I didn’t know who to ring at 2 a.m. I ended up sitting in A&E for nine hours.', 'My care coordinator changed four times in a year; each time I had to start again.', 'The recovery college gave me my confidence back — and then a job.', 'After my daughter was born I hid how I felt because I was scared they’d take her.'];
const GLOSSARY = [['CMHT', 'Community mental health team'], ['CRHT', 'Crisis resolution and home treatment team'], ['EIP', 'Early intervention in psychosis'], ['ICB', 'Integrated care board, the NHS body that commissions most local services'], ['JSNA', 'Joint Strategic Needs Assessment'], ['MHSDS', 'Mental Health Services Data Set'], ['S117', 'Aftercare under section 117 of the Mental Health Act 1983'], ['IPS', 'Individual Placement and Support'], ['CQUIN', 'Commissioning for Quality and Innovation payment framework'], ['EqIA', 'Equality impact assessment'], ['OAP', 'Out-of-area placement'], ['PROMs', 'Patient-reported outcome measures'], ['VCSE', 'Voluntary, community and social enterprise sector'], ['WCC', 'World Class Commissioning — the competency framework for commissioners']];

// Sentence templates by theme; {tokens} are filled in by fill() below.
const T = {
  purpose: ['This strategy sets out how {org} will commission mental health services for {place} over the next {n} years — from prevention and early help to crisis care and recovery.', 'Our ambition is simple: people in {place} should get the right help, in the right place, at the right time, and should not have to tell their story more than once.', 'It replaces the {year} strategy and responds to what {N} residents, carers and staff told us during {n} months of engagement{fn}.', 'We want “parity of esteem” between mental and physical health to mean something practical here: shorter waits, fewer out-of-area placements and care closer to home.', 'The strategy was co-produced with people who use services, and the {board} agreed its priorities in {month} {year}.', 'It is written for commissioners, providers and clinicians — but above all for the people who use services and the families who support them.', 'Everything in it is framed by one question: what difference will this make to someone in {place} who is struggling today?', 'It builds on the progress made since {year}, when the {service} and the {service} were first commissioned jointly.', 'We have deliberately kept the document short: the detail sits in the delivery plan and the service specifications.', 'Four principles run through it — recovery, choice, equality and value for money — and each commissioning decision will be tested against them.', 'The scope covers adults of working age and older adults; children and young people are covered by a separate plan.', 'Above all, it commits {org} to commission with people rather than for them.'],
  legislation: ['Under section 117 of the {act:mha}, the ICB and the council share a duty to provide aftercare for people who have been detained, free of charge, for as long as they need it.', 'The {act:care} requires the council to promote wellbeing and to prevent, reduce or delay the need for care and support.', 'The public sector equality duty in the {act:eq} means we must have due regard to eliminating discrimination and advancing equality of opportunity.', 'The {act:mca} applies whenever a decision is made for someone who may lack capacity, including decisions about where they live.', 'The {act} shapes what we must commission, and we have reviewed every contract against it.', '{policy} set the national direction; section {sec} shows how we have translated its ambitions into local commitments{fn}.', 'The {act:hca} placed integrated care boards on a statutory footing and gave us new duties to reduce inequalities in access and outcomes.', 'We have also taken account of the {act:force}, which requires every inpatient unit to publish a policy on the use of force.', 'NICE guidance on {nice} informs our service specifications and our audit programme.', 'The {act:hra} requires every public body to act compatibly with Convention rights, including the right to respect for private and family life.', 'In Wales the {act:wales} places duties on local health boards to provide local primary mental health support services.', 'The {act:autism} and its statutory guidance require reasonable adjustments for autistic adults in every service we buy.', 'Section 75 of the {act:nhs} allows the ICB and the council to pool budgets and delegate functions to one another.', 'The {act:hsc} introduced the duty to reduce inequalities, which we have carried into every specification.', '{policy} and the NICE quality standards together define what a good service looks like.'],
  needs: ['The Joint Strategic Needs Assessment estimates that {pct} of adults in {place} have a common mental health problem, against {pct} nationally{fn}.', 'Around {N} people are on GP registers for serious mental illness, and prevalence is {n} times higher in the most deprived decile than in the least.', 'Emergency admissions for self-harm rose by {pct} between {year} and {year2}, with the steepest rise among young women aged 15–24.', '{group} are several times more likely to be detained under the {act:mha} than the population as a whole.', 'The suicide rate in {place} ({dec} per 100,000) has stayed above the England average for {n} years{fn}.', 'Demand for the {service} is projected to grow by {pct} by {yfar}, driven by population growth and deprivation.', 'The number of residents aged 65 and over will rise by {pct} by {yfar}, and with it the number of people living with dementia and depression.', 'Unemployment, insecure housing and loneliness cluster in the same wards — and so do referrals to the {service}.', 'Data on {group} are incomplete: ethnicity is recorded for only {pct} of referrals in {code}.', 'One in {n} adults in {place} lives alone, and loneliness is the most common reason older people give for contacting the {service}.', 'The {service} receives {N} referrals a year, {pct} of them from GPs and {pct} from A&E.', 'Rates of detention under the {act:mha} are highest among {group}, a pattern that has persisted since {year}.', 'Around {pct} of people using the {service} also use drugs or alcohol, yet joint assessment happens in only a minority of cases.', '{group} make up {pct} of the population but {pct} of inpatient admissions.', 'Perinatal mental health problems affect up to one in five new and expectant mothers, but only {pct} are currently seen by a specialist team.'],
  services: ['The {service} in {place} saw {N} people last year, {pct} more than in {year}.', '{provider} holds the contract for the {service}, worth {money} a year, which ends in {month} {yr}.', 'We spend {money} a year on mental health — about {pct} of the ICB’s allocation — and {pct} of it goes on inpatient and out-of-area care.', 'Median waits for the {service} are {weeks} weeks, against a local standard of {n} weeks.', 'There were {n} out-of-area placements last year, at an average of £{k} per bed day{fn}.', 'The {service} is valued by the people who use it, but it opens only on weekdays, 9 a.m.–5 p.m.', 'Voluntary sector partners, including Mind in {place}, deliver {n} grant-funded services worth {money} between them.', 'Staff vacancies in the {service} stand at {pct}, and agency spend reached {money} in {fy}.', 'The crisis line takes {N} calls a year; {pct} are answered within a minute.', 'Access to the {service} varies widely: people in {place2} wait twice as long as people in {place}.', '{provider} provides {N2} supported housing places, of which {n} are currently empty because of staffing.', 'Much of the community offer is still organised around diagnosis rather than need, so people are passed between teams.', 'The {service} was rated “good” by the Care Quality Commission in {year}, but its premises are no longer fit for purpose.', 'Spend per head on mental health in {place} is £{k}, below the regional median.'],
  evidence: ['{evid} found that a {service} reduced emergency admissions by {pct} over {n} months{fn}.', 'NICE guidance on {nice} recommends that people are offered a choice of evidence-based interventions within {weeks} weeks.', 'The evidence for peer support is more mixed: trials show gains in hope and empowerment, but effects on readmission are small.', '{policy} highlights the return on early intervention: every £1 invested saves £{n} over ten years{fn}.', 'We visited {place2} and {place3}, where a 24/7 {service} has cut A&E attendances for mental health crises by {pct}.', 'Individual Placement and Support is the best-evidenced way to help people with serious mental illness into paid work.', '{evid} reports that continuity of care is the strongest predictor of satisfaction among people using the {service}.', 'Case studies from {place2} suggest that co-locating the {service} with primary care improves access for {group}.', 'The Crisis Care Concordat sets out what good crisis care looks like, and our gap analysis used its framework.', 'Evaluations of crisis cafés remain small, but the consistent finding is that people value a non-clinical place to go.', '{evid} concluded that open dialogue approaches show promise but need further trials before we commission them at scale.', 'Collaborative care for people with depression and long-term conditions is supported by {n} trials and by NICE.', 'Rehabilitation close to home produces better outcomes than out-of-area placements, at lower cost, according to {evid}.', 'Peer-led recovery colleges in {place2} and {place3} report improved wellbeing scores, though few studies have control groups.'],
  changes: ['We will commission {provider} to run a {service} from {month} {yr}, funded by moving {money} from bed-based care.', 'The {service} contract will not be re-let when it ends in {yr}; its funding will move to the {service}.', 'We will decommission {n} of the {N2} beds at {place} General once the new {service} is fully operational.', 'We will stop commissioning block activity from {provider} and move to an outcomes-based contract in {yr}.', 'Investment of {money} over {n} years will extend the {service} to evenings and weekends ({wcc}).', 'We will jointly procure a {service} with {place2}, using a lead-provider model to reduce duplication.', 'Where a service no longer meets need we will give at least six months’ notice and work with the people who use it on the transition.', 'The day centre in {place} will close in {yr}; the people who use it will be offered places at the recovery college and in community groups.', 'From {yr} we will stop funding {n} out-of-area rehabilitation placements and reinvest the savings in a local {service}.', 'The {service} will be re-specified around outcomes rather than activity, with a contract term of {n} years.', 'We will not renew the grant for the drop-in at {place} when it expires in {month} {yr}; people will be supported to move to the {service}.', 'A new {service} will open in {place} in {yr}, staffed partly by peer support workers.', 'We will pilot personal health budgets for people eligible for aftercare under section 117.', 'All new contracts will include a social value weighting of at least 10% (WCC 7).'],
  monitoring: ['We will publish a quarterly dashboard on access, waiting times, outcomes and experience, and the {board} will review it every {period}.', 'Progress will be measured against {n} outcome indicators, including employment, settled accommodation and reported recovery.', 'An independent evaluation by the University of {place2} will report in {yr}, and its findings will shape the next refresh.', 'People with lived experience will help choose the measures, and a lived-experience panel will review the dashboard with commissioners.', 'Where an indicator is off track for two consecutive quarters, the lead commissioner will bring a recovery plan to the {board}.', 'Patient-reported outcome measures will be collected at entry and discharge and submitted through {code}.', 'We will review this strategy in full in {yr}, and sooner if national policy changes.', 'Each provider will report against a shared outcomes framework, and results will be published on the ICB website.', 'A {period}ly report will track progress against the action plan in Appendix A.', 'We will measure equality of access by comparing referrals for {group} with local prevalence.', 'The Director of Commissioning will hold each lead to account through the monthly performance review.', 'We will repeat the service user and carer survey in {yr} and compare the results with the {year} baseline.'],
  equality: ['{group} told us that services felt unwelcoming, and {pct} of respondents from this group had delayed seeking help.', 'We have assessed the likely impact on {group} as positive, because the new pathway offers choice of venue and of worker.', 'Interpreting and BSL provision will be written into every specification, with a response standard of {n} working days.', 'Referral rates for {group} are {pct} below what prevalence would predict, which suggests unmet need rather than low need.', 'The EqIA found a possible adverse impact on {group} from the move to digital triage; a telephone route will remain.', 'Services for {group} will be co-designed with community organisations that already have their trust.', 'We have not yet assessed the impact on {group}; this will be done before the procurement begins.', 'The proposal to centralise the {service} could disadvantage {group}, who are less likely to have a car.'],
  voice: ['In {month} {year} we held {n} focus groups and an online survey, which {N} people completed.', 'Carers asked for information in plain English, out-of-hours advice and a named contact.', 'People told us they valued being seen quickly far more than being seen in a particular building.', 'Young adults moving from children’s services described the transition as “falling off a cliff”.', 'Staff said that paperwork takes time away from the people they support.', 'Several people described the relief of being seen by someone who shared their background.', 'The most common request, from {pct} of respondents, was for help to be available in the evenings.', 'Carers of older people asked for more respite and for the memory service to follow up after diagnosis.'],
  mitigation: ['Targeted outreach through community and faith organisations, reviewed quarterly.', 'BSL interpreters booked as standard; response times monitored monthly.', 'Keep a telephone and face-to-face route alongside digital triage.', 'Recruit peer workers from the community and report progress to the {board}.', 'Collect protected-characteristic data in {code} and publish it annually.', 'Single-sex and gender-appropriate accommodation on every ward.', 'Offer appointments in community venues and outside working hours.'],
  general: ['Clinicians from {provider} helped design the new pathway, and people with lived experience sat on every panel ({wcc}).', 'This work supports {wcc}.', 'Full figures are at <https://fingertips.phe.org.uk/profile-group/mental-health>.', 'The {board} will oversee delivery, with a named lead for each action.', 'Our section 75 agreement lets the ICB and the council pool {money} for community services.', 'Questions about this section can be sent to <mh.commissioning@{slug}.nhs.uk>.', 'This is consistent with the ICB’s wider five-year plan and the council’s health and wellbeing strategy.', 'Further detail is in the delivery plan, which will be refreshed each April.', 'These figures will be refreshed when the {yr} census data are published.'],
};
const HEADS = {
  purpose: ['Introduction', 'Purpose of this strategy', 'Our vision and commitments', 'Why we need a new strategy', 'About this strategy', 'Our ambition for {place}'],
  legislation: ['The national and legal context', 'Legislation and national policy', 'Policy and legislative framework', 'What the law requires of us', 'Statutory duties and national guidance'],
  needs: ['What the JSNA tells us', 'Local needs', 'Understanding need in {place}', 'Who needs support?', 'Population and prevalence'],
  services: ['Where are we now?', 'Current services', 'Current provision and spend', 'The services we commission today', 'Mapping current provision'],
  evidence: ['What works', 'Evidence and good practice', 'Research evidence', 'Learning from elsewhere', 'What the evidence says'],
  changes: ['What we will do differently', 'Commissioning intentions', 'Changes we will make', 'Investment and disinvestment', 'Where we want to be by {yr}'],
  monitoring: ['How we will know we have succeeded', 'Monitoring and review', 'Measuring success', 'Governance and accountability', 'Outcomes framework'],
  equality: ['Equality considerations', 'Reducing inequalities', 'Equality and diversity'],
  voice: ['What people told us', 'Voices of lived experience', 'Engagement findings'],
};
const SUBS = { purpose: ['Scope', 'Principles', 'Foreword', 'How this strategy was developed'], legislation: ['Statutory duties', 'National policy', 'Guidance we must follow'], needs: ['Prevalence', 'Inequalities in access', 'Who is at risk?', 'Projected demand'], services: ['Spend and activity', 'Workforce', 'Access and waiting times', 'Crisis care', 'Provider landscape'], evidence: ['National guidance', 'Learning from other areas', 'Research evidence'], changes: ['Investment', 'Decommissioning and disinvestment', 'Procurement plan', 'Service redesign'], monitoring: ['Key performance indicators', 'Reporting and governance', 'Evaluation'], equality: ['Equality impact', 'Access for seldom-heard groups'], voice: ['Service users', 'Carers', 'Staff'] };
const CHAPTER = ['needs', 'voice', 'services', 'evidence', 'changes', 'equality', 'monitoring'];
const ELEMENTS = ['purpose', 'legislation', 'needs', 'services', 'evidence', 'changes', 'monitoring'];
const WEIGHT = { purpose: 0.8, legislation: 0.9, needs: 1.4, services: 1.4, evidence: 1, changes: 1.4, monitoring: 0.9 };
const STUBS = ['TBC', 'To follow.', '[Insert summary of the JSNA refresh]', '<!-- to be completed -->', 'To be confirmed following consultation.'];

const comma = (n) => String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
const slug = (s) => s.toLowerCase().replace(/[^\p{L}\p{N}\s-]/gu, '').trim().replace(/\s+/g, '-');
const BLOCKY = /^(?:[-+*>#=|~`<]|\d+[.)]$)/; // words that must not start a wrapped line

/** Hard-wrap prose at `width` columns without starting a line with block syntax. */
function wrap(text, width) {
  const lines = [];
  let line = '';
  for (const w of text.split(' ')) {
    if (line && line.length + w.length >= width && !BLOCKY.test(w)) { lines.push(line); line = w; } else line = line ? `${line} ${w}` : w;
  }
  return [...lines, line].join('\n');
}

function richStrategy(seed, targetBytes, tableRows = 0) {
  const rnd = mulberry32((seed * 2654435761) ^ 0x7f4a7c15);
  const chance = (p) => rnd() < p;
  const int = (a, b) => a + Math.floor(rnd() * (b - a + 1));
  const pick = (a) => a[Math.floor(rnd() * a.length)];
  // Per-seed house style: the proportions of each kind of Markdown.
  const st = {
    wrap: pick([0, 0.15, 0.5, 0.9]), width: int(70, 80), smart: chance(0.8), dash: pick([' — ', '—', ' – ', ' – ', ' - ']),
    label: pick([0.04, 0.12, 0.25]), link: pick([0.15, 0.5, 0.85]), refLinks: pick([0, 0.3, 0.6]), fn: pick([0, 0.05, 0.15]),
    long: pick([0.3, 0.6, 0.85]), numbered: pick(['', '.', '.', ' ']), closed: chance(0.15) ? 0.7 : 0, setext: pick([0, 0, 0.4, 1]),
    bullet: pick(['-', '-', '*', '+']), delim: chance(0.85) ? '.' : ')', ones: chance(0.2), pipes: chance(0.85),
    table: pick([0.06, 0.12, 0.2]), list: pick([0.12, 0.2, 0.3]), quote: pick([0.04, 0.1, 0.18]), html: pick([0.01, 0.03, 0.06]),
    subSize: int(1200, 6000), stub: chance(0.15) ? 0.05 : 0, yaml: chance(0.65), eq9: chance(0.7),
  };
  const ctx = { place: pick(PLACES), topic: pick(TOPICS), group: null }; // the current chapter's locality and topic
  const y0 = int(2009, 2025);
  const out = [], notes = [], refs = new Map();
  let size = 0, fnN = 0;
  const bytes = (s) => Buffer.byteLength(s) + 2;
  const emit = (s) => { out.push(s); size += bytes(s); };
  const note = (text) => { const id = chance(0.8) ? String(++fnN) : `n${++fnN}`; const def = `[^${id}]: ${text}`; notes.push(def); size += bytes(def); return `[^${id}]`; };
  const linkTo = (text, url) => {
    if (!chance(st.link)) return text;
    if (!chance(st.refLinks)) return `[${text}](${url})`;
    const label = slug(text).slice(0, 24).replace(/-$/, '');
    if (!refs.has(label)) { const def = `[${label}]: ${url}${chance(0.3) ? ` "${text.replace(/\*/g, '')}"` : ''}`; refs.set(label, def); size += bytes(def); }
    return chance(0.5) ? `[${text}][${label}]` : `[${text}][${label.toUpperCase()}]`;
  };
  const act = (key) => { const [name, path] = key ? ACTS[key] : pick(Object.values(ACTS)); return linkTo(name, `https://www.legislation.gov.uk/${path}${chance(0.2) ? '/contents' : ''}`); };
  const wcc = () => {
    const [n, name] = pick(WCC), m = n + int(1, 2);
    if (chance(0.02)) return pick([`WCC ${n} – ${pick(WCC)[1]}`, `WCC ${int(12, 14)}`]); // the odd slip, as in real drafts
    return pick([`WCC ${n}`, `WCC ${n} – ${name}`, `competency ${n}`, `WCC competency ${WORDS[n]}`, `WCC C${n}`, m <= 11 ? `WCC ${n}–${m}` : `WCC ${n}`, `WCC: ${n}, ${(n % 11) + 1} & ${((n + 4) % 11) + 1}`, `WCC ${n}: *${n === 11 && chance(0.5) ? 'Efficiency and effectiveness of spend' : name}*`]);
  };
  const TOK = {
    org: () => `${ctx.place} ICB and ${ctx.place} Council`, place: () => (chance(0.7) ? ctx.place : pick(PLACES)), place2: () => pick(PLACES), place3: () => pick(PLACES),
    slug: () => slug(ctx.place), service: () => pick(SERVICES), provider: () => fill(pick(PROVIDERS)), board: () => pick(BOARDS), month: () => pick(MONTHS),
    n: () => String(int(2, 12)), N: () => comma(int(180, 24000)), N2: () => String(int(14, 60)), k: () => String(int(380, 1200)), dec: () => `${int(8, 16)}.${int(0, 9)}`,
    pct: () => pick([`${int(3, 45)}%`, `${int(3, 45)} per cent`, `${int(1, 40)}.${int(1, 9)}%`]), weeks: () => String(int(2, 26)), sec: () => String(int(2, 8)),
    money: () => pick([`£${int(1, 9)}.${int(1, 9)} million`, `£${comma(int(40, 990) * 1000)}`, `£${int(2, 40)}m`, `£${int(50, 900)}k`]),
    year: () => String(int(y0 - 8, y0 - 1)), year2: () => String(y0), fy: () => { const y = int(y0 - 6, y0 - 1); return `${y}/${String((y + 1) % 100).padStart(2, '0')}`; }, yr: () => String(int(y0 + 1, y0 + 5)), yfar: () => String(y0 + int(8, 16)),
    period: () => pick(['quarter', 'six months', 'year']), act: (k) => act(k), wcc, group: () => (ctx.group || pick(GROUPS))[int(1, 2)],
    policy: () => { const [t, url, yr] = pick(POLICIES); return `${linkTo(`*${t}*`, url)} (${yr})`; },
    nice: () => { const [code, t] = pick(NICE); return `${t} (${linkTo(`NICE ${code}`, `https://www.nice.org.uk/guidance/${code.toLowerCase()}`)})`; },
    evid: () => fill(pick(EVID)).replace(/^(A|An|The) /, (w) => w.toLowerCase()), code: () => (chance(0.25) ? `\`${pick(['MHSDS', 'SUS+', 'ethnic_category', 'MHS001'])}\`` : 'the MHSDS'),
    fn: () => (chance(st.fn) ? note(fill(pick(['Office for National Statistics, *Adult Psychiatric Morbidity Survey 2014*.', 'Fingertips mental health profiles, accessed {month} {year2}. <https://fingertips.phe.org.uk/profile-group/mental-health>', 'Local audit of {service} activity, {fy}.', 'Figures are rounded, so totals may not sum.', '{evid}, {year}.', '{policy}, p. {N2}.']))) : ''),
  };
  const fill = (tpl) => tpl.replace(/\{(\w+)(?::(\w+))?\}/g, (m, name, arg) => TOK[name](arg));
  const house = (s) => { s = s.replace(/ — /g, st.dash); return st.smart ? s : s.replace(/[“”]/g, '"').replace(/[‘’]/g, "'"); };
  const LINK = ['In addition, ', 'However, ', 'Locally, ', 'At the same time, ', 'By contrast, ', 'Importantly, ', 'Equally, ', 'As a result, '];
  const LOWER = /^(The|We|It|Our|Where|There|This|People|Around|Everything|Median|Staff|Demand|Data|Progress|Investment|Carers|Each|Access|Much|Spend|All|Several|One|Services|Rates|Evaluations|Rehabilitation|Peer-led|From|Collaborative|Unemployment|Emergency|Referral|Interpreting|Four|Above)\b/;
  /** One sentence on `kind`; `used` (a Set) keeps a paragraph from repeating a template. */
  const sentence = (kind, used) => {
    const pool = T[chance(0.85) ? kind : 'general'];
    let tpl = pick(pool);
    if (used && used.has(tpl)) { const fresh = pool.filter((t) => !used.has(t)); tpl = fresh.length ? pick(fresh) : tpl; }
    if (used) used.add(tpl);
    let s = fill(tpl).replace(/\b([Aa]) (?=[aeiouAEIOU]|NHS\b)/g, '$1n ');
    if (used && used.size > 1 && chance(0.2) && LOWER.test(s)) s = pick(LINK) + s[0].toLowerCase() + s.slice(1);
    return s.replace(/^./, (c) => c.toUpperCase());
  };

  /** A prose paragraph of about `want` characters, wrapped or on one line. */
  function prose(kind, want) {
    let s = chance(st.label) ? `**${pick(LABELS)}:** ` : '';
    for (const used = new Set(); ;) {
      const t = sentence(kind, used);
      if (s.length > 60 && s.length + t.length / 2 > want) break;
      s += (s && !s.endsWith(' ') ? ' ' : '') + t;
      if (s.length >= want) break;
    }
    if (chance(0.1)) s += ` (${wcc()})`;
    s = house(s);
    return chance(st.wrap) ? wrap(s, st.width) : s;
  }
  const paraSize = (left) => Math.min(left, chance(st.long) ? int(1000, 2600) : int(220, 900));
  const cap = (s) => s.replace(/^./, (c) => c.toUpperCase());
  const item = (kind) => {
    const s = sentence(kind), cut = s.replace(/(?:[,;:] | — ).*$/, '').replace(/\.?$/, '.');
    const balanced = (x) => x.split('(').length === x.split(')').length && x.split('[').length === x.split(']').length;
    const short = chance(0.5) && balanced(cut) ? cut : s;
    return house(chance(0.35) ? `**${cap(chance(0.5) ? pick(SERVICES) : pick(SUBS[kind] || LABELS))}**${pick([' – ', ': ', ' — '])}${short}` : short);
  };

  /** Nested ordered/unordered list, 2–3 levels, tight or loose. */
  function list(kind, max, depth = 0, indent = '') {
    const ordered = chance(0.35), loose = depth === 0 && chance(0.3), rows = [];
    for (let i = 0, n = depth ? int(2, 3) : int(3, 6), len = 0; i < n && (i < 2 || len < max); i++) {
      const mark = ordered ? `${st.ones ? 1 : i + 1}${st.delim}` : st.bullet, pad = indent + ' '.repeat(mark.length + 1);
      let row = `${indent}${mark} ${item(kind)}`;
      if (loose && chance(0.3)) row += `\n\n${pad}${house(sentence(kind))}`;
      if (depth < 2 && chance(depth ? 0.25 : 0.4)) row += `\n${loose ? '\n' : ''}${list(kind, max / 3, depth + 1, pad)}`;
      rows.push(row);
      len += row.length;
    }
    return rows.join(loose ? '\n\n' : '\n');
  }
  const tasks = (max) => Array.from({ length: Math.max(2, Math.min(int(3, 7), Math.floor(max / 160))) }, () => `${st.bullet} [${chance(0.4) ? 'x' : ' '}] ${house(sentence('changes').replace(/\.$/, ''))} (${pick(PEOPLE)}, ${pick(MONTHS)} ${TOK.yr()})`).join('\n');

  function quote(kind) {
    const who = pick([`Service user, ${ctx.place} focus group`, `Carer, ${TOK.year()} survey`, `*Member of the ${ctx.place} Lived Experience Panel*`, `Carer, aged ${int(30, 80)}`, `${pick(PEOPLE).replace(/^Dr /, '')}, peer support worker`]);
    const q = (s) => (st.smart ? `“${s}”` : `"${s}"`);
    const body = [q(pick(QUOTES))];
    if (chance(0.4)) body.push(q(pick(QUOTES)));
    if (chance(0.25)) body.push(`${house(sentence('voice'))}\n\n${Array.from({ length: int(2, 4) }, () => `- ${house(sentence(kind)).replace(/\.$/, '')}`).join('\n')}`);
    if (chance(0.1)) body.push(`> ${q(pick(QUOTES))}`);
    const text = [...body, `${st.dash.trim() === '-' ? '--' : '—'} ${who}`].join('\n\n');
    return text.split('\n').map((l) => (l ? `> ${l}` : '>')).join('\n');
  }

  // ---- Tables -----------------------------------------------------------------
  const row = (cells) => (st.pipes ? `| ${cells.join(' | ')} |` : cells.join(' | '));
  const table = (head, align, rows) => [row(head), row(align), ...rows.map(row)].join('\n');
  const cell = (kind) => house(sentence(kind)).replace(/\|/g, '\\|');
  function eqiaTable() {
    const groups = st.eq9 ? GROUPS : [5, 1, 7, 8, 0, 6].map((i, j) => [['Race/ethnicity', 'Disability', 'Gender (including transgender people)', 'Sexual orientation', 'Age', 'Religion or belief'][j], ...GROUPS[i].slice(1)]);
    const t = table(['Protected characteristic', 'Impact', 'Evidence', 'Mitigation / action'], ['---', ':---:', '---', '---'], groups.map((g) => {
      const impact = pick(IMPACTS);
      ctx.group = g;
      return [`**${g[0]}**`, impact, impact === 'N/A' ? '' : cell(chance(0.7) ? 'equality' : 'needs'), /Negative|Adverse/.test(impact) ? cell('mitigation') : chance(0.5) ? 'None required' : `Monitor through the quarterly dashboard${chance(0.3) ? '<br>Review in Q' + int(1, 4) : ''}`];
    }));
    ctx.group = null;
    return t;
  }
  function financeTable(rows) {
    let a = 0, b = 0;
    const lines = Array.from({ length: rows }, () => { const x = int(120, 9800), y = Math.round(x * (0.7 + rnd() * 0.6)); a += x; b += y; return [pick(SERVICES).replace(/^./, (c) => c.toUpperCase()), comma(x), comma(y), `${y >= x ? '+' : '−'}${Math.abs(Math.round(((y - x) / x) * 100))}%`]; });
    return table(['Service line', `${y0}/${(y0 % 100) + 1} (£k)`, `${y0 + 1}/${(y0 % 100) + 2} (£k)`, 'Change'], [':---', '---:', '---:', ':---:'], [...lines, ['**Total**', `**${comma(a)}**`, `**${comma(b)}**`, '']]);
  }
  function actionTable(rows) {
    const cols = int(4, 6), head = [st.pipes ? '#' : 'No.', 'Action', 'Lead', 'By when', 'Measure of success', 'RAG'].slice(0, cols);
    return table(head, head.map(() => '---'), Array.from({ length: rows }, (_, i) => [String(i + 1), cell('changes'), chance(0.1) ? 'ICB \\| Council' : pick(PEOPLE), `${pick(['Q1', 'Q2', 'Q3', 'Q4', pick(MONTHS)])} ${TOK.yr()}`, cell('monitoring'), pick(['Green', 'Amber', 'Red', 'Not started'])].slice(0, cols)));
  }
  function kpiTable(rows) {
    return table(['Indicator', 'Baseline', 'Target', 'Source', 'Frequency'], ['---', '--:', '--:', '---', '---'], Array.from({ length: rows }, () => [pick(['People seen within 2 weeks (EIP)', 'Out-of-area placements', 'IPS job starts', 'Crisis response within 4 hours', 'Recovery rate (Talking Therapies)', 'Carers offered an assessment', 'Readmissions within 30 days']), TOK.pct(), TOK.pct(), chance(0.3) ? '`MHSDS`' : pick(['MHSDS', 'Local audit', 'Provider returns', 'Survey']), pick(['Monthly', 'Quarterly', 'Annual'])]));
  }
  function prevalenceTable() {
    return table(['Measure', ctx.place, 'England'], ['---', '---:', '---:'], ['Common mental health problems (16+)', 'Serious mental illness (QOF)', 'Suicide rate per 100,000', 'Self-harm admissions per 100,000', 'Dementia diagnosis rate'].filter(() => chance(0.8)).map((m) => [m, `${int(1, 20)}.${int(0, 9)}`, `${int(1, 20)}.${int(0, 9)}`]));
  }
  const register = (rows) => table(['Ref', 'Service', 'Provider', 'Locality', 'Annual value (£)', 'Contract end', 'Intention'], ['---', '---', '---', '---', '---:', '---', '---'], Array.from({ length: rows }, (_, i) => [`SR-${String(i + 1).padStart(4, '0')}`, pick(SERVICES), fill(pick(PROVIDERS)), pick(PLACES), comma(int(20, 2400) * 1000), `${pick(MONTHS)} ${TOK.yr()}`, pick(['Continue', 'Expand', 'Re-procure', 'Decommission', 'Not re-let — funding moves to crisis alternatives', 'Review<br>(see §6)', 'Merge \\| re-specify'])]));

  // ---- Other blocks ---------------------------------------------------------
  const comment = () => pick([`<!-- TODO: update with Q${int(1, 4)} ${TOK.yr()} figures -->`, `<!-- Reviewer (${pick(PEOPLE)}): is this still accurate? -->`, `<!--\nDraft note: finance to confirm the ${TOK.money()} figure.\n## Not a heading\n-->`]);
  const image = () => (chance(0.7) ? `![${pick(['Map of the localities', 'Chart: referrals by month', 'Crisis pathway diagram'])}](${pick(['images/', './assets/', 'figures/'])}${pick(['localities-map.png', 'referrals.svg', 'pathway.png'])}${chance(0.4) ? ' "Figure ' + int(1, 9) + '"' : ''})` : `<p align="center"><img src="assets/pathway.png" alt="Pathway diagram" width="${int(4, 8)}00"><br><em>Figure ${int(1, 9)}</em></p>`);
  const details = (kind, left) => `<details>\n<summary>${pick(['How we estimated prevalence', 'Methodology', 'Data sources and caveats', 'Full consultation findings'])}</summary>\n\n${prose(kind, Math.min(left, 900))}\n\n</details>`;
  const code = () => pick(['```yaml\n# KPI definition (extract from the data dictionary)\nindicator: crisis_response_4h\nsource: MHSDS\nnumerator: responses within 4 hours\n```', '```text\n## Template: service specification\n1. Purpose\n2. Population and eligibility\n3. Outcomes\n```', '~~~csv\nlocality,referrals,seen_within_2_weeks\n' + PLACES.slice(0, 4).map((p) => `${p},${int(200, 900)},${int(40, 90)}%`).join('\n') + '\n~~~']);
  const hr = () => pick(['---', '***', '* * *', '___', '- - -']);
  const TABLES = { needs: () => prevalenceTable(), services: (left) => financeTable(rowsFor(left, 90)), changes: (left) => actionTable(rowsFor(left, 420)), monitoring: (left) => kpiTable(rowsFor(left, 90)), equality: () => eqiaTable(), evidence: null, legislation: null, purpose: null, voice: null };

  const rowsFor = (left, cost) => Math.max(2, Math.min(int(4, 14), Math.floor(left / cost)));
  /** One block for a section of `kind`, sized to fit `left` bytes. */
  function block(kind, left, first) {
    if (!first) {
      if (left > 900 && TABLES[kind] && chance(st.table)) return TABLES[kind](left);
      if (left > 600 && chance(st.list)) return (kind === 'changes' || kind === 'monitoring') && chance(0.3) ? tasks(left) : list(kind, left);
      if (left > 300 && chance(st.quote * (kind === 'voice' ? 4 : 1))) return quote(kind);
      if (left > 700 && chance(st.html)) return details(kind, left);
      if (chance(st.html)) return comment();
      if (left > 200 && chance(0.012)) return image();
      if (left > 300 && chance(0.006)) return code();
      if (chance(0.01)) return hr();
    }
    return prose(kind, paraSize(left));
  }

  // ---- Headings and layout ----------------------------------------------------
  const numbered = (num, text) => (st.numbered && num ? `${num}${num.includes('.') ? '' : st.numbered.trim()} ${text}` : text);
  const heading = (level, text, num) => {
    const t = numbered(num, text);
    if (level <= 2 && chance(st.setext)) return `${t.replace(/^(\d+)\. /, '$1\\. ')}\n${(level === 1 ? '=' : '-').repeat(chance(0.7) ? t.length : 3)}`; // 1\. as pandoc writes it
    if (level === 4 && chance(0.3)) return `**${t}**`;
    const h = '#'.repeat(level);
    return `${h} ${t}${chance(st.closed) ? ` ${chance(0.8) ? h : '#'}` : ''}`;
  };
  let pendingTable = tableRows > 0 ? register(tableRows) : null;
  let reserved = pendingTable ? bytes(pendingTable) : 0;
  const emitRegister = () => { emit(prose('services', 300)); emit(pendingTable); reserved = 0; pendingTable = null; };

  const shuffle = (a) => a.map((x) => [rnd(), x]).sort((p, q) => p[0] - q[0]).map((p) => p[1]);
  const minors = (kind) => shuffle(kind === 'legislation' ? Object.values(ACTS).map((a) => a[0]) : ['needs', 'equality', 'voice'].includes(kind) ? GROUPS.map((g) => cap(g[int(1, 2)]))
    : kind === 'purpose' ? ['Recovery', 'Choice and control', 'Equality', 'Value for money', 'Prevention'] : SERVICES.map(cap));

  /** A section: heading, then blocks (and sub-sections) until its budget is spent. */
  function section(level, num, kind, title, budget) {
    const start = size;
    emit(heading(level, title, num));
    if (kind === 'services' && pendingTable) emitRegister();
    else if (chance(st.stub)) return emit(pick(STUBS));
    const pk = kind === 'chapter' ? pick(['needs', 'services', 'changes', 'voice']) : kind;
    const subSize = level === 2 ? Math.max(st.subSize, budget / 10) : st.subSize;
    const order = kind === 'chapter' ? CHAPTER.filter(() => chance(0.75)) : null;
    if (order && order.length < 3) order.splice(0, order.length, ...CHAPTER);
    const k = order ? order.length : budget > subSize * 1.5 && level < 4 ? Math.min(level === 2 ? 12 : 4, Math.round(budget / subSize)) : 0;
    const own = k ? budget / (k + 1) : budget;
    for (let first = true; size - start < own - 80 || first; first = false) emit(block(pk, own - (size - start), first));
    const subs = shuffle(SUBS[kind] || []), small = level >= 3 ? minors(kind) : null;
    for (let j = 1; j <= k; j++) {
      const sk = order ? order[j - 1] : kind;
      const t = order ? (chance(0.5) ? pick(SUBS[sk]) : fill(pick(HEADS[sk]))) : small ? small[(j - 1) % small.length] : `${subs[(j - 1) % subs.length]}${j > subs.length ? ` in ${pick(PLACES)}` : ''}`;
      section(level + 1, num && `${num}.${j}`, sk, t, (budget - (size - start)) / (k - j + 1));
    }
    if (chance(0.015)) emit(hr());
  }

  // Front matter, title, metadata.
  const title = pick(['{place} {topic} Commissioning Strategy {y}–{y5}', '{topic}: a commissioning strategy for {place}, {y}–{y5}', 'Better Mental Health for {place}: Joint Commissioning Strategy {y}–{y5}'])
    .replace('{place}', ctx.place).replace('{topic}', ctx.topic).replace('{y}', y0).replace('{y5}', y0 + int(3, 5));
  const author = pick(PEOPLE), date = `${y0}-${String(int(1, 12)).padStart(2, '0')}-${String(int(1, 28)).padStart(2, '0')}`;
  if (st.yaml) {
    const fm = ['---', `title: "${title}"`, `author: ${author}`, `date: ${date}`, `version: ${chance(0.5) ? `"${int(0, 2)}.${int(1, 9)}"` : `${int(1, 3)}.${int(0, 9)}`}`, `status: ${pick(['Draft', 'Consultation draft', 'Approved', 'Final'])}`, `approved_by: ${pick(BOARDS)}`, `review_date: ${date.replace(/^\d+/, y0 + int(1, 3))}`];
    const tags = ['mental-health', slug(ctx.topic), slug(ctx.place), 'commissioning', 'equality'].filter((_, i) => i < 2 || chance(0.6));
    fm.push(chance(0.5) ? `tags: [${tags.join(', ')}]` : `tags:\n${tags.map((t) => `  - ${t}`).join('\n')}`);
    if (chance(0.4)) fm.push(`wcc: [${[...new Set([int(1, 4), int(5, 7), int(8, 11)])].join(', ')}]`);
    if (chance(0.3)) fm.push('eqia: ./equality-impact.md');
    if (targetBytes > 6000 && chance(0.3)) fm.push(`summary: >\n  How ${ctx.place} will commission ${ctx.topic.toLowerCase()}\n  services from ${y0} onwards.`);
    emit([...fm, '---'].join('\n'));
  }
  const roomy = targetBytes > 4000; // tiny documents skip the optional extras
  if (roomy && chance(0.08)) emit(`![${ctx.place} ICB logo](assets/logo.png)`);
  emit(heading(1, title));
  if (!st.yaml) emit(`**Version:** ${int(1, 3)}.${int(0, 9)}  \n**Status:** ${pick(['Draft', 'Final'])}  \n**Owner:** ${author}${chance(0.5) ? `  \n**Contact:** <mh.commissioning@${slug(ctx.place)}.nhs.uk>` : ''}`);
  else if (roomy && chance(0.5)) emit(`*A joint strategy of ${ctx.place} Integrated Care Board and ${ctx.place} Council*`);

  // Plan: the seven elements (core), whole extra chapters for large targets, appendices.
  const plan = ELEMENTS.filter(() => chance(0.97)).map((kind) => ({ kind, title: fill(pick(HEADS[kind]).replace('{place}', ctx.place)), want: WEIGHT[kind] }));
  if (roomy && chance(0.3)) { const kind = pick(['voice', 'equality']); plan.splice(int(2, plan.length - 1), 0, { kind, title: pick(HEADS[kind]), want: 0.7 }); }
  const wsum = plan.reduce((a, u) => a + u.want, 0), apx = [], lettered = chance(0.6);
  // Appendices are rendered now (but emitted last) so that their exact size is known.
  const appendix = (title, ...blocks) => {
    const t = lettered ? `Appendix ${'ABC'[apx.length]}: ${title}` : title;
    blocks.unshift(heading(2, t));
    apx.push({ title: t, appendix: true, blocks, want: blocks.reduce((a, b) => a + bytes(b), 0) });
  };
  if (targetBytes > 8000) appendix(pick(['Equality Impact Assessment', 'Equality impact assessment summary', 'EqIA']), prose('equality', int(250, 600)), eqiaTable());
  if (targetBytes > 12000 && chance(0.8)) {
    const terms = GLOSSARY.filter(() => chance(0.6));
    appendix(pick(['Glossary', 'Glossary of terms', 'Abbreviations']), pick([() => table(['Term', 'Meaning'], ['---', '---'], terms.map(([a, b]) => [`**${a}**`, b])), () => terms.map(([a, b]) => `**${a}** — ${b}  `).join('\n').trimEnd(), () => terms.map(([a, b]) => `${st.bullet} **${a}**: ${b}`).join('\n')])());
  }
  if (targetBytes > 16000 && chance(0.7)) {
    const items = POLICIES.filter(() => chance(0.7)).map(([t, url, yr], j) => `${j + 1}. ${chance(0.3) ? `${t} (${yr}). <${url}>` : `[${t}](${url}) (${yr})`}`);
    appendix(pick(['References', 'Further reading', 'Key documents']), [...items, `${items.length + 1}. Mental Health Act 1983 — <https://www.legislation.gov.uk/ukpga/1983/20>`].join('\n'));
  }
  const bodyBytes = targetBytes - size - reserved - apx.reduce((a, u) => a + u.want, 0);
  const core = Math.min(bodyBytes, int(40, 120) * 1000);
  plan.forEach((u) => { u.want = (u.want / wsum) * core; });
  for (let left = bodyBytes - core; left > 4000;) {
    const want = left < 100000 ? left : int(25, 90) * 1000, place = pick(PLACES), topic = pick(TOPICS);
    const title = pick(['{topic} in {place}', 'Locality plan: {place}', 'Care pathway: {topic}', 'Delivering change in {place}: {topic}']).replace('{topic}', topic).replace('{place}', place);
    plan.push({ kind: 'chapter', title, want, place, topic });
    left -= want;
  }
  plan.push(...apx);
  const nums = plan.map((u, i) => (u.appendix ? '' : String(i + 1)));
  if (targetBytes > 6000 && chance(0.75)) {
    emit(heading(2, pick(['Contents', 'Table of contents', 'Contents'])));
    emit(chance(0.7)
      ? plan.map((u, i) => `${i + 1}. [${u.title}](#${slug(numbered(nums[i], u.title))})`).join('\n')
      : plan.map((u, i) => `${numbered(nums[i], u.title)} ${'.'.repeat(int(3, 12))} ${i * 2 + 3}`).join('\n'));
  }

  let endOfBody = out.length, lastKind = 'changes';
  plan.forEach((u, i) => {
    const budget = ((targetBytes - size - reserved) * u.want) / plan.slice(i).reduce((a, v) => a + v.want, 0);
    if (u.kind === 'chapter') Object.assign(ctx, { place: u.place, topic: u.topic });
    if (u.appendix) return u.blocks.forEach(emit);
    section(2, nums[i], u.kind, u.title, budget);
    endOfBody = out.length;
    lastKind = u.kind === 'chapter' ? 'changes' : u.kind;
  });
  if (pendingTable) { emit(heading(2, 'Appendix: Service register')); emitRegister(); }
  // Top up a short document at the end of the body; then notes and link definitions.
  for (let i = 0; size < targetBytes * 0.97 && i < 50; i++) {
    const p = prose(lastKind, Math.max(120, targetBytes * 0.99 - size));
    out.splice(endOfBody++, 0, p);
    size += bytes(p);
  }
  if (notes.length) out.push(chance(0.4) && targetBytes > 6000 ? `## Notes\n\n${notes.join('\n\n')}` : notes.join('\n\n'));
  if (refs.size) out.push([...refs.values()].join('\n'));
  return `${out.join('\n\n')}\n`;
}

module.exports = { richStrategy, mulberry32 };
