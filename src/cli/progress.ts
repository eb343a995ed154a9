/** Where progress goes: standard error, which is a terminal or a log. */
export interface ProgressStream {
  isTTY?: boolean;
  write(text: string): unknown;
}

export interface Progress {
  /** One more page done (read, or given up on). */
  tick(): void;
  /** A line to keep (a page that could not be read), above the bar on a terminal. */
  note(line: string): void;
  /** The closing line. */
  end(summary: string): void;
}

const seconds = (s: number) =>
  s >= 3600
    ? `${Math.floor(s / 3600)}h${String(Math.floor((s % 3600) / 60)).padStart(2, '0')}m`
    : s >= 60
      ? `${Math.floor(s / 60)}m${String(Math.floor(s % 60)).padStart(2, '0')}s`
      : `${Math.ceil(s)}s`;

/** "120/1000 pages, 8.2 pages/s, about 1m47s left" */
export function progressLine(done: number, total: number, elapsedMs: number): string {
  const rate = elapsedMs > 0 ? (done * 1000) / elapsedMs : 0;
  const left = rate > 0 ? `about ${seconds((total - done) / rate)} left` : 'time left not known yet';
  return `${done}/${total} pages, ${rate.toFixed(1)} pages/s, ${left}`;
}

/**
 * Progress with rate and time left: on a terminal a bar redrawn in place (at most ten times a
 * second), elsewhere (a log, a batch job) a plain line every `everyMs`.
 */
export function progress(stream: ProgressStream, total: number, now: () => number = () => performance.now(), everyMs = 10_000): Progress {
  const start = now();
  let done = 0;
  let shown = start;
  const bar = () => {
    const width = 24;
    const filled = total > 0 ? Math.round((done / total) * width) : width;
    return `\r\x1b[K[${'#'.repeat(filled)}${'-'.repeat(width - filled)}] ${progressLine(done, total, now() - start)}`;
  };
  return {
    tick() {
      done++;
      const at = now();
      if (stream.isTTY ? at - shown >= 100 || done === total : at - shown >= everyMs) {
        shown = at;
        stream.write(stream.isTTY ? bar() : `${progressLine(done, total, at - start)}\n`);
      }
    },
    note(line) {
      stream.write(stream.isTTY ? `\r\x1b[K${line}\n${bar()}` : `${line}\n`);
    },
    end(summary) {
      stream.write(stream.isTTY ? `\r\x1b[K${summary}\n` : `${summary}\n`);
    },
  };
}
