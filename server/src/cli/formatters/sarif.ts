// --format sarif: SARIF 2.1.0 for code-scanning tools (GitHub code scanning,
// Azure DevOps, the SARIF viewers). Paths are relative to %SRCROOT% (the working
// directory); inline waivers are results with an in-source suppression. A
// Word document's results point at the .docx: their region's lines and columns
// are of its Markdown rendering (as in the JSON; --to-markdown writes it), with
// a snippet (the quote) and a logical location (the heading path) that a reader
// of the Word document can follow.
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import type * as Sarif from 'sarif';
import { RULES, formatLocation, ruleDocsUrl, type Diagnostic, type Location, type SuppressedDiagnostic } from '../../core';
import type { Formatter } from './types';

export const HOMEPAGE = 'https://github.com/commissioning-lint/commissioning-lint';
const SCHEMA = 'https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json';
const LEVEL = { error: 'error', warning: 'warning', info: 'note' } as const;
export const DOCX_MIME = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

export const formatSarif: Formatter = (report) => {
  const cwd = report.cwd ?? process.cwd();
  const rules: Sarif.ReportingDescriptor[] = RULES.map((rule) => {
    const setting = report.policy?.rules[rule.id] ?? rule.meta.defaultSeverity;
    const url = ruleDocsUrl(rule.id, report.policy);
    return {
      id: rule.id,
      name: pascalCase(rule.id),
      shortDescription: { text: firstClause(rule.meta.description) },
      fullDescription: { text: rule.meta.description },
      helpUri: url,
      help: { text: `${rule.meta.description} See ${url}`, markdown: `${rule.meta.description} [Rule documentation](${url}).` },
      defaultConfiguration: setting === 'off' ? { enabled: false } : { level: LEVEL[setting] },
      properties: { tags: ['commissioning', rule.id.split('-')[0]] },
    };
  });
  const ruleIndex = new Map(rules.map((r, i) => [r.id, i]));
  // A finding from outside the registry (an internal error) still needs a rule to point at.
  const ruleFor = (id: string): number => {
    let i = ruleIndex.get(id);
    if (i === undefined) {
      i = rules.push({ id, name: pascalCase(id), shortDescription: { text: `${id}.` }, helpUri: HOMEPAGE }) - 1;
      ruleIndex.set(id, i);
    }
    return i;
  };

  const artifacts: Sarif.Artifact[] = [];
  const results: Sarif.Result[] = [];
  const notifications: Sarif.Notification[] = [];
  for (const r of report.results) {
    const location = artifactLocation(report.display(r.file));
    if (r.error) {
      notifications.push({ level: 'error', message: { text: `${report.display(r.file)}: ${r.error}.` }, locations: [{ physicalLocation: { artifactLocation: location } }] });
      continue;
    }
    const index = artifacts.push({ location, mimeType: r.word ? DOCX_MIME : 'text/markdown', properties: r.coverage ? { coverage: r.coverage } : undefined }) - 1;
    // --quiet keeps errors only, waived ones included.
    const waived = (r.suppressed ?? []).filter((d) => !report.quiet || d.severity === 'error');
    const findings: Array<Diagnostic | SuppressedDiagnostic> = [...(r.diagnostics ?? []), ...waived];
    findings.sort((a, b) => a.line - b.line || a.column - b.column || a.ruleId.localeCompare(b.ruleId));
    for (const d of findings) {
      const result: Sarif.Result = {
        ruleId: d.ruleId,
        ruleIndex: ruleFor(d.ruleId),
        level: LEVEL[d.severity],
        message: { text: d.message },
        locations: [d.location ? wordLocation(d, d.location, { ...location, index }) : { physicalLocation: { artifactLocation: { ...location, index }, region: region(d) } }],
      };
      if (d.location) result.properties = { location: formatLocation(d.location) };
      if ('justification' in d) result.suppressions = [{ kind: 'inSource', status: 'accepted', justification: d.justification }];
      results.push(result);
    }
  }

  const log: Sarif.Log = {
    $schema: SCHEMA,
    version: '2.1.0',
    runs: [
      {
        tool: { driver: { name: 'commissioning-lint', version: report.version, semanticVersion: report.version, informationUri: HOMEPAGE, rules } },
        invocations: [{ executionSuccessful: notifications.length === 0, toolExecutionNotifications: notifications.length ? notifications : undefined }],
        originalUriBaseIds: { '%SRCROOT%': { uri: pathToFileURL(cwd.endsWith(path.sep) ? cwd : cwd + path.sep).href } },
        artifacts,
        results,
        columnKind: 'utf16CodeUnits',
        properties: { policy: report.policyId },
      },
    ],
  };
  return JSON.stringify(log, null, 2) + '\n';
};

/** A relative path under %SRCROOT%, or a file: URI for a file outside the working directory. */
function artifactLocation(shown: string): Sarif.ArtifactLocation {
  if (path.isAbsolute(shown)) return { uri: pathToFileURL(shown).href };
  return { uri: shown.split('/').map(encodeURIComponent).join('/'), uriBaseId: '%SRCROOT%' };
}

/** Where a finding is in a Word document: the .docx, a snippet (the quote) and the heading path as a logical location. */
function wordLocation(d: Diagnostic, loc: Location, artifactLocation: Sarif.ArtifactLocation): Sarif.Location {
  // A region needs a start (SARIF1007); the rendering's is the one there is.
  const out: Sarif.Location = { physicalLocation: { artifactLocation, region: { ...region(d), ...(loc.quote ? { snippet: { text: loc.quote } } : {}) } } };
  const path = loc.kind === 'property' ? ['Document properties', ...(loc.property ? [loc.property] : [])] : loc.headingPath;
  if (path.length) out.logicalLocations = [{ name: path[path.length - 1], fullyQualifiedName: path.join(' › ') }];
  out.message = { text: formatLocation(loc) };
  return out;
}

/** Core positions are 1-based with an exclusive end column, as SARIF's are. */
function region(d: Diagnostic): Sarif.Region {
  return { startLine: d.line, startColumn: d.column, endLine: d.endLine, endColumn: Math.max(d.endColumn, d.line === d.endLine ? d.column : 1) };
}

function pascalCase(id: string): string {
  return id.replace(/(^|-)([a-z0-9])/g, (_, __, c: string) => c.toUpperCase());
}

/** The description up to its first ";" or ":", as a sentence. */
function firstClause(description: string): string {
  const clause = description.split(/[;:]\s/)[0].replace(/[.\s]+$/, '');
  return `${clause}.`;
}
