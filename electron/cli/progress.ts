/**
 * A progress bar on the terminal (stderr), for long commands: `verifying [██████░░░░] 61% 610,000 of
 * 1,000,000 entries`. Only on a terminal: piped or redirected, nothing is written, so what scripts
 * read on stdout stays the report alone. Redrawn at most once per whole percent.
 */
const WIDTH = 24;

export interface ProgressBar {
  update: (done: number, total: number) => void;
  end: () => void;
}

/** The bar's text for `done` of `total` (exported for its test). */
export function progressText(label: string, unit: string, done: number, total: number): string {
  const fraction = total > 0 ? Math.min(1, done / total) : 1;
  const filled = Math.round(fraction * WIDTH);
  const n = new Intl.NumberFormat('en');
  return `${label} [${'█'.repeat(filled)}${'░'.repeat(WIDTH - filled)}] ${Math.floor(fraction * 100)}% ${n.format(done)} of ${n.format(total)} ${unit}`;
}

/** A bar on stderr if it is a terminal, else null. */
export function progressBar(label: string, unit: string, stream: NodeJS.WriteStream = process.stderr): ProgressBar | null {
  if (stream.isTTY !== true) return null;
  let shown = -1;
  let drawn = false;
  return {
    update(done, total) {
      const percent = total > 0 ? Math.floor((100 * done) / total) : 100;
      if (percent === shown && done !== total) return;
      shown = percent;
      drawn = true;
      stream.write(`\r\u001b[2K${progressText(label, unit, done, total)}`);
    },
    end() {
      if (drawn) stream.write('\n');
    },
  };
}
