/**
 * `npm run codec:print -- CALL_DELIVERED_EVENT [24]`: prints the encoder and decoder the codec generates for a
 * message (name or MessageType number) in a protocol version (default: the codec's default version).
 */
import { DEFAULT_VERSION } from './catalog';
import { explainCodec } from './explain';

function main(argv: string[]): number {
  const [name, version] = argv;
  if (name === undefined) {
    process.stderr.write('usage: npm run codec:print -- MESSAGE_TYPE [VERSION]\n');
    return 2;
  }
  const id = /^\d+$/.test(name) ? Number(name) : name;
  try {
    const src = explainCodec(id, version === undefined ? DEFAULT_VERSION : Number(version));
    process.stdout.write(
      `// ${src.messageType}, protocol version ${src.version}\n\n${src.encoder}\n\n${src.decoder}\n`,
    );
    return 0;
  } catch (err) {
    process.stderr.write(`${err instanceof Error ? err.message : String(err)}\n`);
    return 1;
  }
}

if (require.main === module) process.exitCode = main(process.argv.slice(2));
