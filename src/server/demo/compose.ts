import type { Channel } from '../../shared/contracts/conversations.ts';
import { GREETINGS, type GreetingKind, type Language, SIGN_OFFS } from './data/phrases.ts';
import type { DemoAgent } from './data/staff.ts';
import { fill, type Variables } from './variables.ts';

const FORMAL: ReadonlySet<Channel> = new Set(['email', 'api', 'in_app', 'phone']);
const PUBLIC: ReadonlySet<Channel> = new Set(['review', 'social']);

export const signatureOf = (agent: DemoAgent, language: Language) => (language === 'ja' ? agent.signJa : agent.nameEn);

/**
 * An agent's reply as customers receive it: a greeting (formal for email-like
 * channels, short in chat, none in public posts), the words, and a sign-off.
 */
export function composeReply(
  words: string,
  context: {
    agent: DemoAgent;
    language: Language;
    channel: Channel;
    variables: Variables;
    greeting: GreetingKind;
    settles: boolean;
  },
): string {
  const { language, channel } = context;
  const variables = { ...context.variables, agent: signatureOf(context.agent, language) };
  const core = fill(words, variables);
  if (PUBLIC.has(channel)) return core;
  const greetings = GREETINGS[language];
  const signOffs = SIGN_OFFS[language];
  if (FORMAL.has(channel)) {
    return fill(greetings[context.greeting], variables) + core + fill(signOffs.formal, variables);
  }
  const greeting =
    context.greeting === 'first' || context.greeting === 'handover' ? fill(greetings.short, variables) : '';
  return greeting + core + (context.settles ? signOffs.short : '');
}
