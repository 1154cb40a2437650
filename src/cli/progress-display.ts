import cliProgress from 'cli-progress';

export interface ProgressDisplay {
  report(done: number, total: number, label?: string): void;
  stop(): void;
}

const LINE_INTERVAL_MS = 5_000;

/**
 * Progress on stderr (stdout stays free for the result): a bar on a terminal,
 * otherwise a line every 10 % or every few seconds, so logs and CI stay readable.
 */
export function createProgressDisplay(name: string, stream: NodeJS.WriteStream = process.stderr): ProgressDisplay {
  if (stream.isTTY) return barDisplay(name, stream);
  return lineDisplay(name, stream);
}

function barDisplay(name: string, stream: NodeJS.WriteStream): ProgressDisplay {
  const bar = new cliProgress.SingleBar(
    {
      stream,
      format: `${name} {label} [{bar}] {percentage}% {value}/{total} ETA {eta_formatted}`,
      hideCursor: true,
      clearOnComplete: false,
      etaBuffer: 50,
    },
    cliProgress.Presets.shades_classic,
  );
  let started = false;
  return {
    report(done, total, label = '') {
      if (!started) {
        bar.start(total, done, { label: label.padEnd(13) });
        started = true;
      } else {
        if (bar.getTotal() !== total) bar.setTotal(total);
        bar.update(done, { label: label.padEnd(13) });
      }
    },
    stop() {
      if (started) bar.stop();
      started = false;
    },
  };
}

function lineDisplay(name: string, stream: NodeJS.WriteStream): ProgressDisplay {
  let lastDecile = -1;
  let lastAt = 0;
  let lastLabel: string | undefined;
  return {
    report(done, total, label) {
      const percent = total > 0 ? Math.floor((done / total) * 100) : 100;
      const decile = Math.floor(percent / 10);
      const now = Date.now();
      if (decile === lastDecile && label === lastLabel && now - lastAt < LINE_INTERVAL_MS) return;
      lastDecile = decile;
      lastLabel = label;
      lastAt = now;
      stream.write(`${name}${label ? ` ${label}` : ''}: ${done}/${total} (${percent}%)\n`);
    },
    stop() {},
  };
}
