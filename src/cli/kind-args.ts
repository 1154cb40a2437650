import { parseCommandLine, UsageError } from './args.ts';

type Options = Parameters<typeof parseCommandLine>[1];

interface KindCommand<K extends string, O extends Options> {
  verb: 'import' | 'export';
  kinds: readonly K[];
  /** Positional arguments after the kind (missing ones are the caller's to report). */
  operands: number;
  options: O;
  usage: string;
}

/** `koe import|export KIND …`: the flags, the kind and the operands after it; null when help was asked for. */
export function parseKindCommand<K extends string, O extends Options>(argv: string[], command: KindCommand<K, O>) {
  const { verb, kinds, operands, usage } = command;
  const { values: flags, positionals } = parseCommandLine(argv, command.options, usage);
  // --help is one of every command's flags, which TypeScript cannot see through the generic `O`.
  if ((flags as { help?: boolean }).help || argv[0] === 'help') return null;
  const [kind, ...rest] = positionals;
  const choices = kinds.join(' or ');
  if (!kind) throw new UsageError(`Missing what to ${verb}: ${choices}.`, usage);
  if (!(kinds as readonly string[]).includes(kind)) {
    throw new UsageError(`Unknown ${verb} "${kind}": use ${choices}.`, usage);
  }
  if (rest.length > operands) throw new UsageError(`Unexpected argument "${rest[operands]}".`, usage);
  return { flags, kind: kind as K, operands: rest };
}
