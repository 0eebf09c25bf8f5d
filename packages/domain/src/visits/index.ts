export * from './rules';
export * from './gate';
