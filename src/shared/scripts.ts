/**
 * Reply-script variables: `{{contact.name}}`, `{{contact.first_name}}`, `{{contact.email}}`,
 * `{{company.name}}`, `{{agent.name}}`, `{{conversation.subject}}`, `{{workspace.name}}`.
 * Unknown variables stay as written so an agent sees what was not filled in.
 */
export interface ScriptContext {
  contact?: { name?: string | null; email?: string | null };
  company?: { name?: string | null } | null;
  agent?: { name?: string | null };
  conversation?: { subject?: string | null; id?: string };
  workspace?: { name?: string | null };
}

export const SCRIPT_VARIABLES = [
  'contact.name',
  'contact.first_name',
  'contact.email',
  'company.name',
  'agent.name',
  'conversation.subject',
  'workspace.name',
] as const;

function firstName(name: string | null | undefined): string {
  if (!name) return '';
  const trimmed = name.trim();
  // Japanese names are written family name first, usually with a space ("山田 花子"):
  // the polite form addresses the family name, which is the first part either way for ja.
  const parts = trimmed.split(/\s+/);
  return parts[0] ?? trimmed;
}

function lookup(path: string, context: ScriptContext): string | undefined {
  switch (path) {
    case 'contact.name':
      return context.contact?.name ?? '';
    case 'contact.first_name':
      return firstName(context.contact?.name);
    case 'contact.email':
      return context.contact?.email ?? '';
    case 'company.name':
      return context.company?.name ?? '';
    case 'agent.name':
      return context.agent?.name ?? '';
    case 'conversation.subject':
      return context.conversation?.subject ?? '';
    case 'workspace.name':
      return context.workspace?.name ?? '';
    default:
      return undefined;
  }
}

export function renderScript(template: string, context: ScriptContext): string {
  return template.replace(/\{\{\s*([a-z_]+\.[a-z_]+)\s*\}\}/g, (match, path: string) => lookup(path, context) ?? match);
}

/** The body for a language, falling back to the base language, then English, then Japanese, then any. */
export function pickLanguage(bodies: Record<string, string>, language: string | null | undefined): string {
  const base = language?.split('-')[0];
  const candidates = [language, base, 'en', 'ja'].filter((l): l is string => Boolean(l));
  for (const candidate of candidates) {
    const body = bodies[candidate];
    if (body) return body;
  }
  return Object.values(bodies)[0] ?? '';
}
