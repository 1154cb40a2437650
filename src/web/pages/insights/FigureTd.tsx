import { Table } from '@mantine/core';
import type { DurationFigure, MetricSet, ProportionFigure } from '../../../shared/contracts/metrics.ts';
import { FigureCell } from './FigureCell.tsx';
import { METRIC_META, meetsTarget } from './figures.ts';

/** What every figure cell of a table has: its column's name, and a click that opens the items behind it. */
interface FigureTdProps {
  label: string;
  onOpen: () => void;
}

/** A count of conversations. */
export function CountTd({ value, ...cell }: FigureTdProps & { value: number }) {
  return (
    <Table.Td>
      <FigureCell value={value} unit="count" {...cell} />
    </Table.Td>
  );
}

/** A median duration and its n. */
export function DurationTd({ figure, ...cell }: FigureTdProps & { figure: DurationFigure }) {
  return (
    <Table.Td>
      <FigureCell value={figure.median_seconds} unit="duration" n={figure.n} {...cell} />
    </Table.Td>
  );
}

/** A rate, its n and 95 % interval. */
export function RateTd({ figure, ...cell }: FigureTdProps & { figure: ProportionFigure }) {
  return (
    <Table.Td>
      <FigureCell value={figure.percent} unit="percent" n={figure.n} ci95={figure.ci95} {...cell} />
    </Table.Td>
  );
}

/** CSAT with a bar, green or red against the workspace's goal when there is one. */
export function CsatTd({
  figure,
  goal,
  ...cell
}: FigureTdProps & { figure: MetricSet['csat']; goal: number | undefined }) {
  const color =
    goal === undefined || figure.percent === null
      ? 'koe'
      : meetsTarget(figure.percent, goal, METRIC_META['csat.percent'])
        ? 'green'
        : 'red';
  return (
    <Table.Td>
      <FigureCell value={figure.percent} unit="percent" n={figure.n} ci95={figure.ci95} bar color={color} {...cell} />
    </Table.Td>
  );
}
