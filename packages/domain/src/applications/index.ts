export * from './id-number';
export * from './mask';
export * from './rules';
export * from './social';
