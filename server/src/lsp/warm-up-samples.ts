// The strategies the desktop server lints on idle after start-up (warm-up.ts):
// real ones from the labelled corpus, of different sets and styles (numbered,
// setext and bold-line headings, hard-wrapped prose, markers, row and column
// EqIA tables, large chaptered strategies), and warm-up.md for the Markdown
// they lack (footnotes, quotes, task lists, HTML blocks). Bundled as text
// (about 140 KB); the web server does without (its bundle stays under 1 MB).
import handWritten from './warm-up.md';
import northmoor from '../../../test-fixtures/corpus/01-northmoor-adult-mh-2010.md';
import hallamVale from '../../../test-fixtures/corpus/04-hallam-vale-later-life-2011.md';
import marlowVale from '../../../test-fixtures/corpus/09-marlow-vale-acute-care-2009.md';
import kingsmere from '../../../test-fixtures/corpus/10-kingsmere-suicide-prevention-2018.md';
import northbridge from '../../../test-fixtures/corpus/13-northbridge-dales-all-age-2024.md';
import greyfriars from '../../../test-fixtures/corpus/24-greyfriars-personality-disorder-2011.md';
import calderbrook from '../../../test-fixtures/corpus/h08-calderbrook-all-age-thriving-minds.md';
import caddington from '../../../test-fixtures/corpus/n12-caddington-marsh-nhwmh-strategy-2011.md';
import pellinghurst from '../../../test-fixtures/corpus/x06-pellinghurst-acute-inpatient-2024.md';

export const WARM_UP_SAMPLES: readonly string[] = [handWritten, northmoor, hallamVale, marlowVale, kingsmere, northbridge, greyfriars, calderbrook, caddington, pellinghurst];
