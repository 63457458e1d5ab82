import type { JsonValue } from '../claims/codec.ts';
import { formatValue } from './format-value.ts';
import { anchorId, tag, textTag } from './html-element.ts';
import type { Erratum, Report } from './report-data.ts';

/** Name/value pairs of an instance or witness record; any other value is one unnamed row. */
export function namedValues(value: JsonValue | null): [string, string][] {
  if (value === null) return [];
  if (typeof value === 'object' && !Array.isArray(value) && !('$string' in value)) {
    return Object.entries(value).map(([name, v]) => [name, formatValue(v)]);
  }
  return [['value', formatValue(value)]];
}

function valueRows(heading: string, pairs: readonly [string, string][]): string[] {
  return [
    tag('tr', { class: 'witness-group' }, [textTag('th', { colspan: '2', scope: 'colgroup' }, heading)]),
    ...pairs.map(([name, value]) => tag('tr', { 'data-name': name }, [textTag('th', { scope: 'row' }, name), tag('td', {}, [textTag('code', {}, value)])])),
  ];
}

/** The witness table of a refutation: the shrunk instance, then the values its exact re-evaluation computed. */
export function witnessTable(erratum: Erratum): string {
  return tag('table', { class: 'witness', 'data-claim': erratum.id }, [
    tag('tbody', {}, [...valueRows('instance', namedValues(erratum.instance)), ...valueRows('witness', namedValues(erratum.witness))]),
  ]);
}

function differingTable(erratum: Erratum): string {
  return tag('table', { class: 'differing', 'data-claim': erratum.id }, [
    tag('thead', {}, [tag('tr', {}, ['quantity', 'paper', 'computed'].map((h) => textTag('th', { scope: 'col' }, h)))]),
    tag(
      'tbody',
      {},
      erratum.differingRows.map((row) =>
        tag('tr', {}, [textTag('td', {}, row.quantity), tag('td', {}, [textTag('code', {}, formatValue(row.paper))]), tag('td', {}, [textTag('code', {}, formatValue(row.computed))])]),
      ),
    ),
  ]);
}

/** Anchor of the k-th erratum of a claim (a claim may have several refuted checks). */
export function erratumAnchor(id: string, k: number): string {
  return anchorId('erratum', k === 0 ? id : `${id}-${k + 1}`);
}

function erratumArticle(erratum: Erratum, k: number): string {
  const parts = [
    textTag('h3', {}, `${erratum.id} — ${erratum.title}`),
    tag('p', {}, [textTag('em', {}, 'Statement (our reading): '), textTag('span', { class: 'statement' }, erratum.statement)]),
  ];
  if (erratum.verdict === 'refuted') {
    const file = erratum.counterexample === null ? [] : ['; counterexample file ', textTag('code', {}, erratum.counterexample)];
    parts.push(tag('p', {}, [textTag('span', {}, `Refuted by the check “${erratum.check}” (${erratum.basis})`), ...file, '.']), witnessTable(erratum));
  } else {
    parts.push(textTag('p', {}, `The paper's numbers differ from the computed ones (${erratum.check}, ${erratum.basis}):`), differingTable(erratum));
  }
  if (erratum.confirmation !== null) parts.push(textTag('p', { class: 'confirmation' }, `Confirmed independently by ${erratum.confirmation}.`));
  return tag('article', { class: 'erratum', id: erratumAnchor(erratum.id, k), 'data-claim': erratum.id, 'data-verdict': erratum.verdict }, parts);
}

/** Every refuted statement with its witness table and every differing example with its numbers. */
export function errataSection(report: Report): string {
  const seen = new Map<string, number>();
  const articles = report.errata.map((erratum) => {
    const k = seen.get(erratum.id) ?? 0;
    seen.set(erratum.id, k + 1);
    return erratumArticle(erratum, k);
  });
  const intro =
    report.errata.length === 0
      ? textTag('p', {}, 'No statement was refuted and no example differs.')
      : textTag('p', {}, 'Every statement this run refuted, with its minimal witness, and every example whose numbers differ.');
  return tag('section', { id: 'errata' }, [textTag('h2', {}, 'Errata'), intro, ...articles]);
}
