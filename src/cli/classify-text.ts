import { readableNumber } from '../report/readable-number.ts';

/** The `classify` result for people, rendered from its JSON form (so both say the same; long exact numbers rounded). */

interface DecisionJson {
  holds: boolean | null;
  basis: string;
  reason: string;
  certificate: Record<string, unknown> | null;
}
interface ExtremaJson {
  strict: DecisionJson;
  nonStrict: DecisionJson;
}
export interface ClassifyOutput {
  network: { file: string; inputDim: number; widths: number[]; activations: string[]; parameters: string[] };
  data: { file: string; points: number; inputDim: number; outputDim: number };
  loss: { description: string; value: string };
  pattern: { layer: number; activation: string; units: string[][] }[];
  differentiable: boolean;
  breakpoints: { point: number; layer: number; unit: number }[];
  gradient: string[] | null;
  critical: boolean | null;
  hessian: { inertia: { positive: number; negative: number; zero: number }; factorization: { D: string[][] } } | null;
  classification: { kind: string; basis: string; localMin: ExtremaJson; localMax: ExtremaJson; directionsTried: number };
}

const LABEL = 16;
const line = (label: string, text: string): string => `${label.padEnd(LABEL)}${text}\n`;

export function classifyText(out: ClassifyOutput): string {
  const { network: net, data } = out;
  const arch = [String(net.inputDim), ...net.widths.map((w, l) => `${w} ${net.activations[l]}`)].join(' → ');
  let text = '';
  text += line('network', `${arch}, ${net.parameters.length} parameters (${net.file})`);
  text += line('data', `${data.points} point${data.points === 1 ? '' : 's'} in ℚ^${data.inputDim}, ${data.outputDim === 1 ? 'scalar targets' : `targets in ℚ^${data.outputDim}`} (${data.file})`);
  text += line('loss', `${out.loss.description} = ${readableNumber(out.loss.value)}`);
  text += patternText(out);
  text += line('differentiable', out.differentiable ? 'yes (exact: no pre-activation on a kink)' : `no (exact): ${kinksText(out.breakpoints)}`);
  text += line('critical', criticalText(out));
  if (out.hessian !== null) {
    const { positive, negative, zero } = out.hessian.inertia;
    text += line('hessian', `inertia ${positive} positive, ${negative} negative, ${zero} zero (exact LDLᵀ: PᵀHP = LDLᵀ, D in --json)`);
  }
  const c = out.classification;
  text += line('classification', `${c.kind} (${c.basis})`);
  const rows: [string, DecisionJson][] = [
    ['local min', c.localMin.nonStrict],
    ['strict local min', c.localMin.strict],
    ['local max', c.localMax.nonStrict],
    ['strict local max', c.localMax.strict],
  ];
  for (const [name, d] of rows) {
    const answer = d.holds === null ? 'undecided' : d.holds ? 'yes' : 'no';
    text += `  ${name.padEnd(18)}${answer.padEnd(10)}${d.basis.padEnd(10)}${d.reason}\n`;
    text += certificateText(d.certificate, net.parameters);
  }
  text += line('directions', `${c.directionsTried} exact ray expansions computed`);
  return text;
}

function patternText(out: ClassifyOutput): string {
  const several = out.pattern.some((l) => l.units.some((u) => u.some((symbol) => symbol.length > 1)));
  const legend = `- left piece, 0 on the kink, + right piece; · no kink${several ? '; p<k> inside piece k, t<k> on breakpoint t_k' : ''}`;
  let text = line('pattern', `one column per data point (${legend})`);
  const width = Math.max(LABEL - 2, ...out.pattern.map((l) => `layer ${l.layer} unit ${l.units.length - 1}`.length + 2));
  for (const layer of out.pattern) {
    layer.units.forEach((symbols, u) => {
      text += `  ${`layer ${layer.layer} unit ${u}`.padEnd(width)}${symbols.join(' ')}${u === 0 ? `   (${layer.activation})` : ''}\n`;
    });
  }
  return text;
}

function kinksText(kinks: ClassifyOutput['breakpoints']): string {
  const shown = kinks.slice(0, 4).map((k) => `point ${k.point} at layer ${k.layer} unit ${k.unit}`);
  const more = kinks.length > 4 ? `, and ${kinks.length - 4} more` : '';
  return `${kinks.length} pre-activation${kinks.length === 1 ? '' : 's'} on a kink: ${shown.join('; ')}${more}`;
}

function criticalText(out: ClassifyOutput): string {
  if (out.critical === null) return 'not defined (the loss is not differentiable here; decided by one-sided rays)';
  if (out.critical) return 'yes (exact: the gradient is 0)';
  const g = out.gradient ?? [];
  const nonZero = g.flatMap((v, k) => (v === '0' ? [] : [`${out.network.parameters[k]} = ${readableNumber(v)}`]));
  return `no (exact): ∂L ${nonZero.slice(0, 6).join(', ')}${nonZero.length > 6 ? ', …' : ''}`;
}

function certificateText(c: Record<string, unknown> | null, names: readonly string[]): string {
  if (c === null || c.kind !== 'ray') return '';
  const direction = (c.direction as string[]).flatMap((v, k) => (v === '0' ? [] : [`${names[k]} ${readableNumber(v)}`]));
  const pad = ' '.repeat(20);
  return `${pad}direction d: ${direction.join(', ')}\n${pad}L(θ + t·d) = ${polynomialText(c.coefficients as string[], c.complete as boolean)} for small t > 0\n`;
}

/** c_0 + c_1 t + c_2 t² + … with exact coefficients, zero terms left out. */
export function polynomialText(coefficients: readonly string[], complete: boolean): string {
  const power = (k: number): string => (k === 0 ? '' : k === 1 ? 't' : `t${String(k).split('').map((d) => '⁰¹²³⁴⁵⁶⁷⁸⁹'[Number(d)]).join('')}`);
  const terms = coefficients.flatMap((c, k) => {
    if (c === '0' && (k > 0 || coefficients.slice(1).some((x) => x !== '0'))) return [];
    const negative = c.startsWith('-');
    const abs = readableNumber(negative ? c.slice(1) : c);
    const body = k === 0 ? abs : abs === '1' ? power(k) : `${abs}·${power(k)}`;
    return [{ negative, body }];
  });
  if (terms.length === 0) return '0';
  let text = terms.map((t, i) => (i === 0 ? `${t.negative ? '−' : ''}${t.body}` : ` ${t.negative ? '−' : '+'} ${t.body}`)).join('');
  if (!complete) text += ' + O(t³)';
  return text;
}
