/** Reads a passphrase without echo (or from MAMORI_PASSPHRASE). Never log what this returns. */
import { CoreError } from '../core/errors';

export async function readPassphrase(prompt: string, opts: { confirm?: boolean } = {}): Promise<string> {
  const fromEnv = process.env.MAMORI_PASSPHRASE;
  if (fromEnv !== undefined) return fromEnv;
  if (!process.stdin.isTTY) throw new CliInputError('no passphrase: set MAMORI_PASSPHRASE or run in a terminal');
  const first = await hiddenLine(prompt);
  if (opts.confirm && (await hiddenLine('Repeat it: ')) !== first) throw new CliInputError('the two passphrases differ');
  return first;
}

/** Reads a secret other than the passphrase (the recovery key) without echo, from a terminal only. */
export async function readSecret(prompt: string): Promise<string> {
  if (!process.stdin.isTTY) throw new CliInputError('no terminal to ask for it in');
  return hiddenLine(prompt);
}

export class CliInputError extends CoreError {
  constructor(message: string) {
    super('INVALID_INPUT', message);
  }
}

function hiddenLine(prompt: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const stdin = process.stdin;
    process.stderr.write(prompt);
    stdin.setRawMode(true);
    stdin.resume();
    stdin.setEncoding('utf8');
    let line = '';
    const done = (fn: () => void) => {
      stdin.setRawMode(false);
      stdin.pause();
      stdin.off('data', onData);
      process.stderr.write('\n');
      fn();
    };
    const onData = (chunk: string) => {
      for (const ch of chunk) {
        if (ch === '\r' || ch === '\n') return done(() => resolve(line));
        if (ch === '\u0003') return done(() => reject(new CliInputError('cancelled')));
        if (ch === '\u007f' || ch === '\b') line = line.slice(0, -1);
        else line += ch;
      }
    };
    stdin.on('data', onData);
  });
}
