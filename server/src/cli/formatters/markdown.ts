// --format markdown: the review-board report. Over several strategies it opens with
// a strategies × checks matrix; then, per strategy, the IPC checklist, the EqIA
// group matrix, WCC coverage and the findings. Renders on GitHub and passes
// markdownlint (bar line length). The rendering is the core's (core/report/),
// shared with the editor's coverage report.
import type { Formatter } from './types';
import { buildReview, reviewMarkdown } from '../../core';

export const formatMarkdown: Formatter = (report) => reviewMarkdown(buildReview(report));
