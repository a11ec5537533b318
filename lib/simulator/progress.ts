/**
 * Progress on stderr: one line rewritten in place on a terminal, a line every few
 * seconds otherwise (CI logs, piped output), so logs stay readable either way.
 */
export type Progress = { update: (line: string) => void; done: (line?: string) => void };

export function createProgress(stream: NodeJS.WriteStream = process.stderr, intervalMs?: number): Progress {
  const isTty = Boolean(stream.isTTY);
  const every = intervalMs ?? (isTty ? 100 : 2_000);
  let last = 0;
  let pending: string | null = null;
  const write = (line: string) => {
    stream.write(isTty ? `\r\x1b[K${line}` : `${line}\n`);
    last = Date.now();
    pending = null;
  };
  return {
    update: (line) => {
      pending = line;
      if (Date.now() - last >= every) write(line);
    },
    done: (line) => {
      const final = line ?? pending;
      if (final) write(final);
      if (isTty && last) stream.write('\n');
    },
  };
}

export const silentProgress: Progress = { update: () => {}, done: () => {} };
