import type {
  Change,
  DurationFigure,
  Interval,
  MetricSet,
  MetricsReport,
  ProportionFigure,
} from '../shared/contracts/metrics.ts';

/** The human output of `koe metrics`: headline figures with n and intervals, then one row per group. */

const dash = '–';
const fixed = (value: number | null, digits = 1) => (value === null ? dash : value.toFixed(digits));
const range = (ci: Interval | null, digits = 1, unit = '') =>
  ci ? `${ci[0].toFixed(digits)}${unit} … ${ci[1].toFixed(digits)}${unit}` : dash;

/** 95 → "1 min 35 s", 8100 → "2 h 15 min", 190000 → "2 d 4 h". */
export function humanSeconds(seconds: number | null): string {
  if (seconds === null) return dash;
  const total = Math.round(seconds);
  if (total < 60) return `${total} s`;
  if (total < 3600) return `${Math.floor(total / 60)} min${total % 60 ? ` ${total % 60} s` : ''}`;
  const minutes = Math.round(total / 60);
  if (minutes < 24 * 60) return `${Math.floor(minutes / 60)} h${minutes % 60 ? ` ${minutes % 60} min` : ''}`;
  const hours = Math.round(total / 3600);
  return `${Math.floor(hours / 24)} d${hours % 24 ? ` ${hours % 24} h` : ''}`;
}

function changeText(change: Change | undefined, digits = 1, duration = false): string {
  if (!change) return '';
  if (change.delta === null) return 'no previous value';
  const sign = change.delta > 0 ? '+' : change.delta < 0 ? '−' : '±';
  const size = duration ? humanSeconds(Math.abs(change.delta)) : Math.abs(change.delta).toFixed(digits);
  const p =
    change.p_value === null ? '' : ` (p = ${change.p_value.toFixed(3)}${change.significant ? ', significant' : ''})`;
  return `${sign}${size}${p}`;
}

type Row = [string, string, string, string, string];

function table(rows: string[][]): string[] {
  const widths: number[] = [];
  for (const row of rows) {
    for (const [i, cell] of row.entries()) widths[i] = Math.max(widths[i] ?? 0, [...cell].length);
  }
  return rows.map((row) =>
    row
      .map((cell, i) => (i === row.length - 1 ? cell : cell + ' '.repeat((widths[i] ?? 0) - [...cell].length)))
      .join('  ')
      .trimEnd(),
  );
}

const proportionRow = (name: string, figure: ProportionFigure): Row => [
  name,
  figure.percent === null ? dash : `${fixed(figure.percent)} %`,
  range(figure.ci95, 1, ' %'),
  `${figure.count}/${figure.n}`,
  changeText(figure.change),
];

const durationRow = (name: string, figure: DurationFigure): Row => [
  name,
  `median ${humanSeconds(figure.median_seconds)}`,
  `mean ${humanSeconds(figure.mean_seconds)}, p90 ${humanSeconds(figure.p90_seconds)}`,
  String(figure.n),
  changeText(figure.change, 0, true),
];

function headline(set: MetricSet): Row[] {
  return [
    ['Figure', 'Value', '95 % interval', 'n', 'Change'],
    [
      'CSAT',
      set.csat.percent === null ? dash : `${fixed(set.csat.percent)} %`,
      range(set.csat.ci95, 1, ' %'),
      `${set.csat.n} (${set.csat.skipped} skipped)`,
      changeText(set.csat.change),
    ],
    ['  average rating (1–5)', fixed(set.csat.average, 2), range(set.csat.average_ci95, 2), String(set.csat.n), ''],
    [
      'NPS',
      fixed(set.nps.score),
      range(set.nps.ci95),
      `${set.nps.n} (${set.nps.promoters}/${set.nps.passives}/${set.nps.detractors} P/P/D)`,
      changeText(set.nps.change),
    ],
    [
      'CES 2.0 (1–7, higher is better)',
      `${fixed(set.ces7.average, 2)} (${fixed(set.ces7.agree_percent)} % agree)`,
      range(set.ces7.ci95, 2),
      String(set.ces7.n),
      changeText(set.ces7.change, 2),
    ],
    [
      'CES effort (1–5, lower is better)',
      fixed(set.ces5.average, 2),
      range(set.ces5.ci95, 2),
      String(set.ces5.n),
      changeText(set.ces5.change, 2),
    ],
    proportionRow('Response rate', set.response_rate),
    durationRow('First response', set.first_response),
    durationRow('Reply', set.reply),
    durationRow('Resolution', set.resolution),
    proportionRow('First contact resolution', set.fcr),
    proportionRow('One-touch', set.one_touch),
    proportionRow('Reopened', set.reopen),
    [
      'Volume',
      `${set.volume.created} created`,
      `${set.volume.resolved} resolved, ${set.volume.backlog} in backlog`,
      '',
      changeText(set.volume.change, 0),
    ],
  ];
}

const pct = (figure: { percent: number | null; n: number }) =>
  figure.percent === null ? dash : `${fixed(figure.percent)} (${figure.n})`;

export function formatReport(report: MetricsReport): string[] {
  const lines = [
    `Metrics ${report.from} … ${report.to} (${report.time_zone}, ${report.business_hours ? 'business hours' : 'calendar time'})`,
    report.previous_period && `Compared with ${report.previous_period.from} … ${report.previous_period.to}`,
    '',
    ...table(headline(report)),
  ].filter((line): line is string => typeof line === 'string');
  if (!report.by) return lines;
  const rows = [
    [
      'Group',
      'CSAT % (n)',
      'NPS (n)',
      'First resp. median',
      'Resolution median',
      'FCR % (n)',
      'Created',
      'Resolved',
      'Backlog',
    ],
    ...report.groups.map((group) => [
      group.label || '(none)',
      pct(group.csat),
      group.nps.score === null ? dash : `${fixed(group.nps.score)} (${group.nps.n})`,
      humanSeconds(group.first_response.median_seconds),
      humanSeconds(group.resolution.median_seconds),
      pct(group.fcr),
      String(group.volume.created),
      String(group.volume.resolved),
      String(group.volume.backlog),
    ]),
  ];
  return [...lines, '', `By ${report.by}:`, ...table(rows)];
}
