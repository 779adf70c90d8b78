import fs from 'node:fs';
import path from 'node:path';

export interface Logger {
  info(message: string, meta?: Record<string, unknown>): void;
  error(message: string, meta?: Record<string, unknown>): void;
}

/** Writes to stderr and, where a folder is given, appends to `<dir>/main.log`. */
export function createLogger(dir?: string): Logger {
  let file: string | undefined;
  if (dir) {
    fs.mkdirSync(dir, { recursive: true });
    file = path.join(dir, 'main.log');
  }
  const write = (level: string, message: string, meta?: Record<string, unknown>) => {
    const line = `${new Date().toISOString()} ${level} ${message}${meta ? ' ' + JSON.stringify(meta) : ''}\n`;
    if (level === 'ERROR') process.stderr.write(line);
    if (file) {
      try {
        fs.appendFileSync(file, line);
      } catch {
        // the log is a convenience; never let it break a call
      }
    }
  };
  return {
    info: (m, meta) => write('INFO', m, meta),
    error: (m, meta) => write('ERROR', m, meta),
  };
}
