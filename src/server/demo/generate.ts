import type { Db } from '../db/client.ts';
import { createConversation } from '../modules/conversations/service.ts';
import { createWorkspace } from '../modules/workspaces/service.ts';

export const DEMO_OWNER = { email: 'owner@demo.koe.test', password: 'koe-demo-2026' };

export interface DemoOptions {
  days: number;
  conversations: number;
  workspaceId?: string;
  onProgress?: (done: number, total: number) => void;
}

export async function generateDemo(db: Db, options: DemoOptions): Promise<{ workspaceId: string }> {
  const created = await createWorkspace(db, {
    name: 'Koe デモ',
    ownerEmail: DEMO_OWNER.email,
    ownerName: 'デモ 管理者',
    ownerPassword: DEMO_OWNER.password,
    isDemo: true,
  });
  const workspaceId = created.workspace.id;
  for (let i = 0; i < options.conversations; i++) {
    await createConversation(
      db,
      workspaceId,
      { type: 'system', id: null },
      {
        channel: 'email',
        customer: { email: `customer${i}@example.jp`, name: `顧客 ${i}` },
        subject: '請求書の再発行について',
        priority: 'normal',
        tags: [],
        message: { body: '先月分の請求書を再発行していただけますか。' },
      },
    );
    options.onProgress?.(i + 1, options.conversations);
  }
  return { workspaceId };
}
