/**
 * The order the generator runs the sections in. Registration order is the board's and the handover's, chosen for
 * the staff; the generator needs another: a section reads what the ones it names in `after` wrote. So this is a
 * stable topological sort: each time, the first section in registration order whose `after` have all run. A section
 * that names no other keeps its registration place among the ready ones, so adding a section with its own `after`
 * moves no other section (and none of the rows they generate).
 */

interface Ordered {
  readonly feature: string;
  readonly after?: readonly string[];
}

export function runOrder<S extends Ordered>(sections: readonly S[]): S[] {
  const byFeature = new Map<string, S>();
  for (const s of sections) {
    if (byFeature.has(s.feature)) throw new Error(`two demo sections for the feature ${s.feature}`);
    byFeature.set(s.feature, s);
  }
  for (const s of sections) {
    for (const name of s.after ?? []) {
      if (!byFeature.has(name)) throw new Error(`the demo section of ${s.feature} runs after ${name}, which has no demo section registered`);
      if (name === s.feature) throw new Error(`the demo section of ${s.feature} runs after itself`);
    }
  }
  const done = new Set<string>();
  const ordered: S[] = [];
  while (ordered.length < sections.length) {
    const next = sections.find((s) => !done.has(s.feature) && (s.after ?? []).every((name) => done.has(name)));
    if (!next) throw new Error(`the demo sections wait on each other in a circle: ${circle(sections.filter((s) => !done.has(s.feature)), byFeature)}`);
    done.add(next.feature);
    ordered.push(next);
  }
  return ordered;
}

/**
 * One circle among the sections left, named in the message ("a → b → a"). Every section left waits on another left
 * (else it would have been ready), so following the first such wait from any of them must come back round.
 */
function circle(left: readonly Ordered[], byFeature: ReadonlyMap<string, Ordered>): string {
  const waiting = new Set(left.map((s) => s.feature));
  // Stryker disable next-line ArrayDeclaration: an entry that names no section is never met on the walk and is sliced off the circle named
  const path: string[] = [];
  let at = left[0]!.feature;
  while (!path.includes(at)) {
    path.push(at);
    at = byFeature.get(at)!.after!.find((name) => waiting.has(name))!;
  }
  return [...path.slice(path.indexOf(at)), at].join(' → ');
}
