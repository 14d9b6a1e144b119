// The engine layer between the pure core and the adapters (CLI, language
// server, MCP): config discovery and ignore rules, input expansion, the
// guarded reader's contract, decoding, Word conversion, the rule for linked
// EqIAs, one lintFile. Nothing here touches Node's file system: node.ts adds that.
export { CONFIG_NAMES, ConfigResolver, type Resolved, type ResolverOptions } from './config';
export { decode, type Decoded } from './decode';
export { isReadError, type FileHost, type ReadResult } from './host';
export { hasDocumentExtension, isWordFile, isOfficeLockFile, DOCUMENT_EXTENSIONS, MARKDOWN_EXTENSIONS, WORD_EXTENSIONS } from './documents';
export { convertWord, readWordDocument, locateFindings, styleWarning, WordTexts, type WordRead } from './word';
export { IgnoreFiles, IGNORE_FILES } from './ignore-files';
export { ConfigIgnore } from './config-ignore';
export { LinkedFiles, linkedEqiaFiles, NOT_CONVERTED, type LinkedOptions } from './linked';
export { contextFor, lintFile, readDocument, type Engine, type FileResult } from './lint-file';
export * from './limits';
