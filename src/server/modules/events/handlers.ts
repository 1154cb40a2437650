import { automationHandler } from '../automation/handler.ts';
import { notificationEventHandler } from '../notifications/handler.ts';
import { recoveryEventHandler } from '../recovery/answers.ts';
import { webhookEventHandler } from '../webhooks/handler.ts';
import type { EventHandler } from './dispatch.ts';

/**
 * Every consumer of domain events, in the order each event visits them: recovery first
 * (it may open a case an automation rule then sees), then automation rules,
 * notifications and webhook fan-out. Modules add theirs here.
 */
export const eventHandlers: EventHandler[] = [
  recoveryEventHandler,
  automationHandler,
  notificationEventHandler,
  webhookEventHandler,
];
