// liu, §4.2 and App. B: the landscape of one unit on x1 = (1, 0), x2 = (0, 1).
import {
  Rational,
  classifyPoint,
  example,
  oneHiddenLayerNetwork,
  pseudoInverse,
  ratData,
  signString,
  squaredError,
  unitCellMinima,
  type QuantityRow,
  type UnitCellMinimum,
} from '../../src/index.ts';

const inputs = [
  [1, 0],
  [0, 1],
];
const labelsA = ratData(inputs, [1, 1]);
const labelsB = ratData(inputs, [1, -1]);

/** The paper's cell names by the signs of (w·x1, w·x2): r1 both inactive, r3 only x1 active, r4 both active. */
const CELLS = { r1: '--', r2: '-+', r3: '+-', r4: '++' } as const;
type CellName = keyof typeof CELLS;

const cellOf = (cells: readonly UnitCellMinimum[], name: CellName): UnitCellMinimum => {
  const found = cells.find((c) => signString(c.signs) === CELLS[name]);
  if (found === undefined) throw new Error(`cell ${name} (${CELLS[name]}) is not among the enumerated cells`);
  return found;
};

const show = (xs: readonly Rational[]): string[] => xs.map(String);
const loss = squaredError('mean');

/** The classifier's verdict at the genuine minimiser found for the cell (z = 1). */
function classifierAt(cell: UnitCellMinimum, data: typeof labelsA): string {
  if (!cell.genuine.genuine) return 'no point inside the cell';
  const k = classifyPoint(oneHiddenLayerNetwork(cell.genuine.point), data, loss);
  const min = k.localMin.nonStrict;
  return min.holds === true && min.basis !== 'evidence' ? 'local minimum' : `not certified: ${k.kind} (${min.reason})`;
}

/** Paper values per cell for y = (1, 1): minimal loss and the shape of the minimiser set. */
const PAPER_A: Record<CellName, { loss: Rational; shape: string }> = {
  r1: { loss: Rational.ONE, shape: 'plateau' },
  r2: { loss: Rational.of(1, 2), shape: 'line' },
  r3: { loss: Rational.of(1, 2), shape: 'line' },
  r4: { loss: Rational.ZERO, shape: 'point' },
};

function cellRows(cells: readonly UnitCellMinimum[]): QuantityRow[] {
  return (Object.keys(PAPER_A) as CellName[]).flatMap((name) => {
    const cell = cellOf(cells, name);
    const signs = CELLS[name];
    return [
      { quantity: `${name} (${signs}): minimal loss (9)`, paper: PAPER_A[name].loss, computed: cell.minimum.value },
      { quantity: `${name}: minimiser set (dim ker A = ${cell.dimension})`, paper: PAPER_A[name].shape, computed: cell.shape },
      { quantity: `${name}: a minimiser lies inside the cell (z = 1)`, paper: true, computed: cell.genuine.genuine },
      { quantity: `${name}: classifier at that minimiser of L(z, w)`, paper: 'local minimum', computed: classifierAt(cell, labelsA) },
    ];
  });
}

export default example({
  id: 'liu/example-appendix-b',
  paper: 'liu',
  title: 'Appendix B example: four cells with a plateau, two lines and a point',
  statement:
    'One bias-free ReLU unit f(x) = z[w·x]_+ with z = 1, x1 = (1, 0), x2 = (0, 1), y = (1, 1), loss ' +
    '(1/2)Σ(f(x_i) − y_i)². The four cells of the w plane (signs of w·x1, w·x2): r1 (−,−), r2 (−,+), r3 (+,−), ' +
    'r4 (+,+) (r3 has I11 = 1, I21 = 0 as in App. B; r2 is its mirror image). Minimal losses (9) 1, ½, ½, 0; ' +
    'minimiser sets R* = A⁺y + (I − A⁺A)c a plateau (A = 0), the lines (c1, 1) and (1, c2), and the point ' +
    '(1, 1). For r3, A = A⁺ = [[1, 0], [0, 0]] and R* = (1, c2). "Fig. 2(a) … no spurious local minima in each ' +
    'cell": read as each cell\'s minimum being attained inside the cell and being a local minimum of L(z, w). ' +
    'With y2 = −1, R* of r4 is (1, −1), outside r4, and r4 has no differentiable local minimum (for either ' +
    'sign of z). Computed exactly: cells by exact arrangement LP, minima by subglobalMinimum (Moore–Penrose ' +
    'over the rationals), shape from dim ker A (0 point, 1 line, 2 plateau), inside-ness by the exact ' +
    'genuineness LP, local minimality by classifyPoint.',
  reproduce: () => {
    const cellsA = unitCellMinima(labelsA, { outputSigns: [1] });
    const r3 = cellOf(cellsA, 'r3');
    const cellsB = unitCellMinima(labelsB, { outputSigns: [1] });
    const r4B = cellOf(cellsB, 'r4');
    const r4BothSigns = unitCellMinima(labelsB, { outputSigns: [1, -1] });
    return {
      values: [
        { quantity: 'number of cells', paper: 4, computed: cellsA.length },
        ...cellRows(cellsA),
        { quantity: 'r3: A⁺', paper: [['1', '0'], ['0', '0']], computed: pseudoInverse(r3.minimum.design).toStrings() },
        { quantity: 'r3: A⁺y (c = 0)', paper: ['1', '0'], computed: show(r3.minimum.minimiser) },
        { quantity: 'r3: direction of the line, ker A', paper: [['0', '1']], computed: r3.minimum.nullBasis.map(show) },
        { quantity: 'y2 = −1, r4: R*', paper: ['1', '-1'], computed: show(r4B.minimum.minimiser) },
        { quantity: 'y2 = −1, r4: R* unique', paper: true, computed: r4B.minimum.unique },
        { quantity: 'y2 = −1, r4: R* inside r4 (z = 1)', paper: false, computed: r4B.genuine.genuine },
        { quantity: 'y2 = −1, r4: a differentiable local minimum in r4 (z = ±1)', paper: false, computed: cellOf(r4BothSigns, 'r4').genuine.genuine },
      ],
      note:
        'Cells from the exact arrangement of the lines w·x_i = 0; per cell the design matrix A (rows I_i x_iᵀ), ' +
        'A⁺ and ker A in exact rationals; loss (1/N)‖AA⁺y − y‖² with N = 2; "inside" is the exact LP of eq. (11)–(13) ' +
        'with strict signs; the classifier decides local minimality of L(z, w) at the point that LP returns.',
    };
  },
});
