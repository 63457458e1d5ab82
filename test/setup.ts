import fc from 'fast-check';

// Unit-test properties run with a fixed seed so a CI run is reproducible; FC_SEED=random explores
// (the seed of a failure is printed by fast-check), FC_SEED=<n> replays one.
const requested = process.env.FC_SEED;
if (requested !== 'random') {
  const seed = requested === undefined ? 20261123 : Number(requested);
  if (!Number.isSafeInteger(seed)) throw new Error(`FC_SEED must be an integer or "random", got ${requested}`);
  fc.configureGlobal({ ...fc.readConfigureGlobal(), seed });
}
