// A section's number as text converted from Word or PDF writes it before a title:
// "4.", "2.1", a lettered outline's "A1." / "C2.", or a chapter's word and number
// or letter ("Part C  -  What will change", "Section 5:", "Part A: Screening"). Read by the plain
// layout (a title over a title) and by the tables written a cell per line (a
// numbered title is no cell: it ends the table).

/** A lettered outline's number or a chapter's word and number (a letter alone needs its word: "A survey…" is none). */
export const OUTLINE_NUMBER = /^(?:[A-H]\d{1,2}(?:\.\d{1,2}){0,2}\.?|(?:[Pp]art|[Ss]ection|[Cc]hapter)\s+(?:[A-H]|\d{1,2}))(?=:?\s|:?$)/;

/**
 * A numbered title: a section's number with its point, then a word in capitals ("C2. Next steps",
 * "Part D  -  Equality impact assessment", "3. Needs", "2.1 Context"); a number alone is a date's
 * or a count's ("30 Sept 2018"). The gap is written so a run of spaces splits one way only (linear time).
 */
export const NUMBERED_TITLE = new RegExp(`^(?:\\d{1,2}(?:\\.\\d{1,2}){1,3}\\.?|\\d{1,2}\\.|${OUTLINE_NUMBER.source.slice(1)})(?:\\s*[-–—:.])?\\s+\\p{Lu}\\p{Ll}`, 'u');
