export * from './conversations.ts';
export * from './customers.ts';
export * from './workspaces.ts';
