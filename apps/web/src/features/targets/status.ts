import type { VersionStatus } from './types';

export const statusColor: Record<VersionStatus, string> = { draft: 'gold', published: 'green', superseded: 'default', discarded: 'default' };
