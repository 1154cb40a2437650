import { ATTRIBUTE_FIELD } from '../../../shared/contracts/automation.ts';
import type { Conversation } from '../../../shared/contracts/conversations.ts';
import type { Company, Contact } from '../../../shared/contracts/customers.ts';

/**
 * What a rule sees of one event: the conversation, its customer and company as they are
 * when the event is handled (read once, before any rule acts, so rules on the same event
 * see the same state and cannot feed each other), and the event's own facts.
 */
export interface EvaluationContext {
  conversation: Conversation | null;
  contact: Contact | null;
  company: Company | null;
  /** message.received / message.sent / note.added: the message. */
  message: { body: string } | null;
  /** survey.answered: the answer. */
  response: { kind: string | null; score: number | null; comment: string | null; surveyId: string | null } | null;
  /** sla.warning / sla.breached: which target. */
  sla: { kind: string | null } | null;
  /** recovery.*: the case. */
  recovery: { id: string | null; status: string | null; source: string | null } | null;
  /** conversation.updated: what changed (`changes` of the event). */
  changes: Record<string, Record<string, unknown>> | null;
}

export const EMPTY_CONTEXT: EvaluationContext = {
  conversation: null,
  contact: null,
  company: null,
  message: null,
  response: null,
  sla: null,
  recovery: null,
  changes: null,
};

const CONVERSATION_FIELDS = {
  channel: (c: Conversation) => c.channel,
  status: (c: Conversation) => c.status,
  priority: (c: Conversation) => c.priority,
  subject: (c: Conversation) => c.subject,
  tags: (c: Conversation) => c.tags,
  assigneeId: (c: Conversation) => c.assigneeId,
  teamId: (c: Conversation) => c.teamId,
  language: (c: Conversation) => c.language,
  reopenCount: (c: Conversation) => c.reopenCount,
  messageCount: (c: Conversation) => c.messageCount,
} satisfies Record<string, (c: Conversation) => unknown>;

function own<T extends object>(object: T, key: string): key is Extract<keyof T, string> {
  return Object.hasOwn(object, key);
}

/** The value of a dotted field (see AUTOMATION_FIELDS) in a context; undefined when absent. */
export function fieldValue(ctx: EvaluationContext, field: string): unknown {
  const attribute = ATTRIBUTE_FIELD.exec(field);
  if (attribute) {
    const owner = attribute[1] === 'contact' ? ctx.contact : ctx.company;
    const key = attribute[2] as string;
    return owner && Object.hasOwn(owner.attributes, key) ? owner.attributes[key] : undefined;
  }
  const [group, name, part] = field.split('.');
  switch (group) {
    case 'conversation':
      return ctx.conversation && name && own(CONVERSATION_FIELDS, name)
        ? CONVERSATION_FIELDS[name](ctx.conversation)
        : undefined;
    case 'changes':
      if (!ctx.changes) return undefined;
      if (name === 'fields') return Object.keys(ctx.changes);
      if (name === 'status' || name === 'priority') return part === 'from' ? ctx.changes[name]?.from : undefined;
      if (name === 'tags' && part === 'added') return ctx.changes.tags?.added ?? [];
      return undefined;
    case 'message':
      return name === 'body' ? ctx.message?.body : undefined;
    case 'contact':
      if (!ctx.contact) return undefined;
      if (name === 'name') return ctx.contact.name;
      if (name === 'email') return ctx.contact.emails[0];
      if (name === 'locale') return ctx.contact.locale;
      return undefined;
    case 'company':
      if (!ctx.company) return undefined;
      if (name === 'name' || name === 'domain' || name === 'plan' || name === 'lifecycleStage' || name === 'revenue')
        return ctx.company[name];
      return undefined;
    case 'response':
      return ctx.response && (name === 'kind' || name === 'score' || name === 'comment' || name === 'surveyId')
        ? ctx.response[name]
        : undefined;
    case 'sla':
      return name === 'kind' ? ctx.sla?.kind : undefined;
    case 'recovery':
      return ctx.recovery && (name === 'status' || name === 'source') ? ctx.recovery[name] : undefined;
    default:
      return undefined;
  }
}
