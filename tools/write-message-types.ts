/**
 * Writes lib/protocol/generated/messages.ts (the message interfaces, CtiMessageMap, AnyCtiMessage) from the
 * catalog, formatted as the repository formats TypeScript. Run by `npm run build` before tsc; `--check` only
 * reports whether the committed file is stale (exit code 1).
 */
import { promises as fs } from 'fs';
import * as path from 'path';
import * as prettier from 'prettier';
import { messageTypesSource } from '../lib/protocol/message-types-source';

export const MESSAGE_TYPES_FILE = path.join(__dirname, '..', 'lib', 'protocol', 'generated', 'messages.ts');

export async function formattedMessageTypes(): Promise<string> {
  const config = (await prettier.resolveConfig(MESSAGE_TYPES_FILE)) ?? {};
  return prettier.format(messageTypesSource(), { ...config, filepath: MESSAGE_TYPES_FILE });
}

async function main(check: boolean): Promise<number> {
  const want = await formattedMessageTypes();
  const have = await fs.readFile(MESSAGE_TYPES_FILE, 'utf8').catch(() => undefined);
  if (have === want) return 0;
  if (check) {
    process.stderr.write(`${path.relative(process.cwd(), MESSAGE_TYPES_FILE)} is stale: run npm run build\n`);
    return 1;
  }
  await fs.mkdir(path.dirname(MESSAGE_TYPES_FILE), { recursive: true });
  await fs.writeFile(MESSAGE_TYPES_FILE, want);
  process.stdout.write(`wrote ${path.relative(process.cwd(), MESSAGE_TYPES_FILE)}\n`);
  return 0;
}

if (require.main === module) {
  main(process.argv.includes('--check')).then(
    (code) => (process.exitCode = code),
    (err: unknown) => {
      process.stderr.write(`${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
      process.exitCode = 1;
    },
  );
}
