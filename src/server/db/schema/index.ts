export * from './conversations.ts';
export * from './cursors.ts';
export * from './customers.ts';
export * from './email.ts';
export * from './metrics.ts';
export * from './rollups.ts';
export * from './surveys.ts';
export * from './workspaces.ts';
