import { describe, expect, it } from 'vitest';
import { progress, progressLine } from '../../../src/cli/progress';

function stream(isTTY: boolean) {
  const written: string[] = [];
  return { isTTY, written, write: (text: string) => written.push(text) };
}

describe('the corpus progress', () => {
  it('gives the rate and the time left', () => {
    expect(progressLine(100, 1000, 20_000)).toBe('100/1000 pages, 5.0 pages/s, about 3m00s left');
    expect(progressLine(0, 10, 0)).toBe('0/10 pages, 0.0 pages/s, time left not known yet');
    expect(progressLine(9000, 10_000, 3_600_000)).toBe('9000/10000 pages, 2.5 pages/s, about 6m40s left');
  });

  it('redraws a bar in place on a terminal, at most ten times a second', () => {
    let now = 0;
    const out = stream(true);
    const shown = progress(out, 4, () => now);
    now = 50;
    shown.tick();
    expect(out.written).toEqual([]);
    now = 200;
    shown.tick();
    expect(out.written).toEqual(['\r\x1b[K[############------------] 2/4 pages, 10.0 pages/s, about 1s left']);
    shown.note('annotate: a.html is binary, not text');
    expect(out.written[1]!.startsWith('\r\x1b[Kannotate: a.html is binary, not text\n\r\x1b[K[#')).toBe(true);
  });

  it('writes a plain line now and then elsewhere', () => {
    let now = 0;
    const out = stream(false);
    const shown = progress(out, 100, () => now, 10_000);
    for (let i = 0; i < 30; i++) {
      now += 1000;
      shown.tick();
    }
    expect(out.written).toEqual([
      '10/100 pages, 1.0 pages/s, about 1m30s left\n',
      '20/100 pages, 1.0 pages/s, about 1m20s left\n',
      '30/100 pages, 1.0 pages/s, about 1m10s left\n',
    ]);
    shown.end('30 pages read');
    expect(out.written.at(-1)).toBe('30 pages read\n');
  });
});
