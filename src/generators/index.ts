export * from './rational.ts';
export * from './dataset.ts';
export * from './network.ts';
export * from './region.ts';
