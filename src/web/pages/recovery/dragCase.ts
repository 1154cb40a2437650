import type { DragEvent } from 'react';
import type { RecoveryCase } from '../../../shared/contracts/recovery.ts';

/** What a card carries while it is dragged across the board. */
export type DraggedCase = Pick<RecoveryCase, 'id' | 'number' | 'status'>;

const MIME = 'application/x-koe-recovery-case';

export function startCaseDrag(event: DragEvent, item: DraggedCase): void {
  event.dataTransfer.setData(MIME, JSON.stringify({ id: item.id, number: item.number, status: item.status }));
  // Other drop targets (a text field, another tab) get the case's number.
  event.dataTransfer.setData('text/plain', `#${item.number}`);
  event.dataTransfer.effectAllowed = 'move';
}

/** Whether what is dragged over is a case of the board (its data can only be read on drop). */
export const isCaseDrag = (event: DragEvent): boolean => event.dataTransfer.types.includes(MIME);

export function droppedCase(event: DragEvent): DraggedCase | null {
  try {
    const value = JSON.parse(event.dataTransfer.getData(MIME)) as DraggedCase;
    return typeof value?.id === 'string' ? value : null;
  } catch {
    return null;
  }
}
