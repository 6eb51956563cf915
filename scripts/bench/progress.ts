/** A status line on stderr: redrawn in place on a terminal, printed every few seconds otherwise. */
export interface Progress {
  /** Replaces the current status line. */
  update(text: string): void;
  /** Ends the status line with a permanent line. */
  done(text: string): void;
}

const plainEveryMs = 5000;

/** Creates the progress line writer. */
export function createProgress(stream: NodeJS.WriteStream = process.stderr): Progress {
  const tty = stream.isTTY === true;
  let lastPlain = 0;
  let shown = false;
  return {
    update(text) {
      if (tty) {
        stream.write(`\r\x1b[K${text}`);
        shown = true;
        return;
      }
      const now = Date.now();
      if (now - lastPlain >= plainEveryMs) {
        lastPlain = now;
        stream.write(`  … ${text}\n`);
      }
    },
    done(text) {
      if (tty && shown) {
        stream.write('\r\x1b[K');
      }
      shown = false;
      lastPlain = 0;
      stream.write(`${text}\n`);
    },
  };
}
