const COMMON = ['Asia/Tokyo', 'UTC', 'America/New_York', 'America/Los_Angeles', 'Europe/London'];

function supported(): string[] {
  const intl = Intl as typeof Intl & { supportedValuesOf?: (key: 'timeZone') => string[] };
  try {
    return intl.supportedValuesOf?.('timeZone') ?? [];
  } catch {
    return [];
  }
}

/** IANA time zones for pickers, the usual ones first. */
export const TIME_ZONES: string[] = [...new Set([...COMMON, ...supported()])];
