export * from './campaign/settings';
export * from './auth/password-policy';
export * from './auth/session-state';
export * from './audit/chain';
export * from './organizations/placement';
export * from './targets';
export * from './publicity';
export * from './visits';
export * from './applications';
export * from './transfers/early-transfer';
// The admission engine is imported from '@zhizhao/domain/admission/index' (its names are its own).
export * from './enrolment/intake';
export * from './enrolment/labels';
