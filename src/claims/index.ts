// Authoring claims
export type { Basis } from './basis.ts';
export { numerical, weakestBasis } from './basis.ts';
export type {
  Check,
  Claim,
  ClaimKind,
  ConfirmDifference,
  ExampleSpec,
  PropertyCheck,
  QuantityRow,
  Reproduction,
  ReproductionCheck,
  IntegerParameter,
  ParameterValues,
  TheoremSpec,
} from './claim.ts';
export { CLAIM_ID, example, isClaim, reproduction, theorem, claimParameters, defaultParameters, RESERVED_PARAMETER_NAMES } from './claim.ts';
export type { ForAllSpec } from './for-all.ts';
export { forAll } from './for-all.ts';
export type { Certificate, Enclosure, Fail, Outcome, Witness } from './outcome.ts';
export { decide, discard, fail, failOutside, pass, passIf, undecided } from './outcome.ts';
export type { Confirm, Confirmation } from './confirmation.ts';
export { allConfirmed, anyConfirmed, confirmed, contradicted, unconfirmed } from './confirmation.ts';
export type { DescentRaySpec, LocalExtremumSpec, Relation } from './smt-confirmation.ts';
export { confirmBySmt, confirmDescentRay, confirmGround, confirmGroundAll, confirmLocalExtremum } from './smt-confirmation.ts';
export type { JsonValue } from './codec.ts';
export { decodeInstance, encodeInstance, encodeWitness, looksRational } from './codec.ts';
export { jsonCount } from './json-count.ts';
export type { Verdict } from './verdict.ts';
export { VERDICTS } from './verdict.ts';
export { ClaimDefinitionError, CodecError, InputError } from './errors.ts';

// Running claims
export type { CheckResult, ClaimDetail, ClaimResult, ConfirmationRecord, TableRow, UnconfirmedFailure } from './result.ts';
export type { ProgressEvent, ReplayResult, RunOptions } from './runner.ts';
export { replayCounterexample, runClaim, runClaims } from './runner.ts';
export { runPropertyCheck } from './property-runner.ts';
export { runReproductionCheck, runReproduction } from './reproduction-runner.ts';
export { deriveSeed } from './seed.ts';
export type { Shard } from './shard.ts';
export { applyShard, parseShard } from './shard.ts';
export type { Selection } from './selection.ts';
export { selectClaims } from './selection.ts';
export type { Catalogue } from './catalogue.ts';
export { loadCatalogue, parseCatalogue } from './catalogue.ts';
export type { RegisteredClaim, Registry } from './registry.ts';
export { buildRegistry, loadClaimModules } from './registry.ts';
export type { CounterexampleRecord } from './counterexample-file.ts';
export { parseCounterexample } from './counterexample-file.ts';
export type { StoredCounterexample } from './store.ts';
export { CounterexampleStore } from './store.ts';
export type { Baseline, VerdictChange } from './baseline.ts';
export { compareWithBaseline, readBaseline, updateBaseline, writeBaseline } from './baseline.ts';
export { prettyJson } from './pretty-json.ts';
