// Editor helpers over an Analysis (what is at an offset, what to complete,
// which fixes a diagnostic's data allows), exported through the core's index.
export { thingAt, citationAt, wccAt, groupAt, headingAt, type Found } from './at-offset';
export { completionContext, type CompletionContext } from './completion-context';
export { fixesFor, REASON_PLACEHOLDER, type Edit, type Fix, type FixableDiagnostic } from './fixes';
export { explain, hoverMarkdown, topicsOf, actMarkdown, competencyMarkdown, elementTitle, groupTitle, GROUP_STATUS, TOPIC_KINDS, type Explanation, type TopicKind } from './explain';
