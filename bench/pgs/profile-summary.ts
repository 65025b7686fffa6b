/**
 * Where the time went in a `node --cpu-prof` profile (the many-PG bench's Node-RED under PROFILE=1): self time
 * per function and per place (this package's dist/, each node_modules package, Node's internals, GC, idle).
 *
 *   node -r tsx/cjs bench/pgs/profile-summary.ts bench-profile/<file>.cpuprofile [top=30]
 */
import fs from 'node:fs';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}

interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

/** The place a script belongs to: the package under node_modules, this package's dist/ folder, or Node's own. */
function place(url: string, name: string): string {
  if (url === '') return name.startsWith('(') ? name : '(native)';
  const nm = /node_modules\/((?:@[^/]+\/)?[^/]+)(?!.*node_modules)/.exec(url);
  if (nm !== null) {
    const inner = /node_modules\/(?:@[^/]+\/)?[^/]+\/(.*)$/.exec(url)![1];
    // Node-RED's own packages: name the part (runtime, nodes …) of @node-red/* and the core node file.
    return nm[1].startsWith('@node-red/') ? `${nm[1]}/${inner.split('/').slice(0, 3).join('/')}` : nm[1];
  }
  const dist = /\/dist\/(.*)$/.exec(url);
  if (dist !== null) return `dist/${dist[1]}`;
  if (url.startsWith('node:')) return 'node internals';
  return url;
}

function main(): void {
  const [file, topArg] = process.argv.slice(2);
  const top = Number(topArg ?? 30);
  const p = JSON.parse(fs.readFileSync(file, 'utf8')) as Profile;
  const byId = new Map(p.nodes.map((n) => [n.id, n]));
  const self = new Map<number, number>();
  p.samples.forEach((id, i) => self.set(id, (self.get(id) ?? 0) + p.timeDeltas[i]));
  const total = [...self.values()].reduce((a, b) => a + b, 0);
  const fns = new Map<string, number>();
  const places = new Map<string, number>();
  for (const [id, us] of self) {
    const f = byId.get(id)!.callFrame;
    const key = `${f.functionName || '(anonymous)'}  ${f.url.replace(/^.*node_modules\//, '').replace(/^file:\/\/.*\/dist\//, 'dist/')}:${f.lineNumber + 1}`;
    fns.set(key, (fns.get(key) ?? 0) + us);
    const pl = place(f.url, f.functionName);
    places.set(pl, (places.get(pl) ?? 0) + us);
  }
  const print = (title: string, m: Map<string, number>): void => {
    console.log(`\n${title}`);
    for (const [k, us] of [...m].sort((a, b) => b[1] - a[1]).slice(0, top))
      console.log(`${((us / total) * 100).toFixed(1).padStart(5)} %  ${(us / 1000).toFixed(0).padStart(7)} ms  ${k}`);
  };
  console.log(`${file}: ${(total / 1e6).toFixed(1)} s sampled`);
  print('self time by place', places);
  print('self time by function', fns);
}

main();
