export * from './brochure-state';
export * from './brochure-facts';
export * from './joint-enrollment';
export * from './signed-code';
