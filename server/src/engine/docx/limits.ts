// The caps a Word file must fit before and while it is unpacked, and how a
// size is written in a message. Generous for any real strategy; a hostile
// file is refused before it can cost time or memory.
const MB = 1024 * 1024;

export const LIMITS = {
  /** The .docx file itself, as the reader for Markdown allows. */
  fileBytes: 50 * MB,
  /** Parts in the zip: a long strategy with many images has a few hundred. */
  entries: 5000,
  /** Unpacked size of all parts together, as the zip directory declares it. */
  totalBytes: 200 * MB,
  /** Unpacked size of any one part (an image may be large; it is never unpacked). */
  partBytes: 100 * MB,
  /**
   * Unpacked size of an XML part that is read (word/document.xml is the largest):
   * conversion time grows with it, and a hostile but legal document of this size
   * still converts within seconds. A 200-page strategy's document.xml is 2–5 MB.
   */
  xmlPartBytes: 20 * MB,
} as const;

/** "73 MB", "1.2 MB", "512 KB": one decimal only where a whole number would read as the limit itself. */
export function formatSize(bytes: number): string {
  if (bytes < MB) return `${Math.ceil(bytes / 1024)} KB`;
  const mb = bytes / MB;
  const whole = Math.round(mb);
  return whole === Math.round(LIMITS.fileBytes / MB) || mb < 10 ? `${Math.ceil(mb * 10) / 10} MB` : `${whole} MB`;
}
