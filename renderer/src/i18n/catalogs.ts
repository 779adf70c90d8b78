/** A catalog, or a feature's part of one: nested keys down to strings. */
export interface CatalogTree {
  readonly [key: string]: string | CatalogTree;
}

export type Language = 'zh-CN' | 'en';
export const LANGUAGES: readonly Language[] = ['zh-CN', 'en'];

/** A feature's strings in both languages; its en file is typed against its zh-CN file, so a missing key does not compile. */
export interface FeatureCatalogs {
  'zh-CN': CatalogTree;
  en: CatalogTree;
}

/** A catalog part and who contributed it, to name both sides of a collision. */
export interface CatalogSource {
  source: string;
  catalogs: FeatureCatalogs;
}

/**
 * The catalogs of all parts, merged key by key. Parts may share a namespace (`nav`, `v`, `procedures` …) but never
 * a key: two parts giving the same key, or one giving a string where another gives a group, is an error naming both,
 * so that no feature silently overwrites another's string.
 */
export function mergeCatalogs(parts: readonly CatalogSource[]): Record<Language, CatalogTree> {
  const merged = {} as Record<Language, CatalogTree>;
  for (const lng of LANGUAGES) {
    const out: Record<string, unknown> = {};
    const owners = new Map<string, string>();
    for (const { source, catalogs } of parts) mergeInto(out, catalogs[lng], '', source, owners, lng);
    merged[lng] = out as CatalogTree;
  }
  return merged;
}

function mergeInto(out: Record<string, unknown>, tree: CatalogTree, prefix: string, source: string, owners: Map<string, string>, lng: Language): void {
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key;
    const existing = out[key];
    if (typeof value === 'string' || typeof existing === 'string') {
      if (existing !== undefined) {
        throw new Error(`catalog key "${path}" (${lng}) is given by both ${owners.get(path) ?? 'a group'} and ${source}`);
      }
      out[key] = value;
      owners.set(path, source);
      continue;
    }
    if (existing === undefined) {
      out[key] = {};
      owners.set(path, source);
    }
    mergeInto(out[key] as Record<string, unknown>, value, path, source, owners, lng);
  }
}
