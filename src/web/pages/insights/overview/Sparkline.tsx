/** A small trend line drawn as SVG (no chart library): gaps where a period had no data. */
export function Sparkline({
  values,
  width = 96,
  height = 32,
  color = 'var(--mantine-color-koe-6)',
  label,
}: {
  values: (number | null)[];
  width?: number;
  height?: number;
  color?: string;
  label: string;
}) {
  const known = values.filter((value): value is number => value !== null);
  if (known.length < 2) return null;
  const min = Math.min(...known);
  const max = Math.max(...known);
  const span = max - min || 1;
  const step = values.length > 1 ? width / (values.length - 1) : width;
  const y = (value: number) => height - 3 - ((value - min) / span) * (height - 6);
  // One path, with a new segment after every gap.
  let path = '';
  let drawing = false;
  values.forEach((value, index) => {
    if (value === null) {
      drawing = false;
      return;
    }
    path += `${drawing ? 'L' : 'M'}${(index * step).toFixed(1)},${y(value).toFixed(1)} `;
    drawing = true;
  });
  const lastIndex = values.length - 1 - [...values].reverse().findIndex((value) => value !== null);
  const last = values[lastIndex];
  return (
    <svg width={width} height={height} role="img" aria-label={label} style={{ flexShrink: 0, overflow: 'visible' }}>
      <title>{label}</title>
      <path d={path} fill="none" stroke={color} strokeWidth={1.6} strokeLinejoin="round" strokeLinecap="round" />
      {last !== null && last !== undefined && <circle cx={lastIndex * step} cy={y(last)} r={2.4} fill={color} />}
    </svg>
  );
}
