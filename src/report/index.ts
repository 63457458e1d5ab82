export type { Erratum, Report, ReportInput, ReportRow, ReportSummary, RowStatus, RunDescription } from './report-data.ts';
export { buildReport, ROW_STATUSES, summaryLine } from './report-data.ts';
export { renderMarkdown } from './markdown.ts';
export { writeReport } from './write-report.ts';
export { formatDuration, formatNamedValues, formatValue, truncate } from './format-value.ts';
export { renderHtml } from './html.ts';
export { escapeXml } from './html-escape.ts';
export { builtInFigures, FigureRegistry } from './figures/index.ts';
export type { Figure, FigureSelection, PlannedFigure, RegisteredFigure } from './figures/index.ts';
