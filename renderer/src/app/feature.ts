import { createContext, lazy, useContext, type ComponentType, type LazyExoticComponent, type ReactNode } from 'react';
import type { TFunction } from 'i18next';
import type { Permission } from '../../../shared/domain/roles';
import type { FeatureCatalogs } from '../i18n/catalogs';

/**
 * One feature of the renderer, as it registers itself (`features/<feature>/feature.tsx`, listed once in
 * `app/features.ts`). The menu, the routes, the print routes, the home cards, the cards on other features' pages
 * (a stay's tabs, the settings page) and the links to records all follow from the list; nothing else names a
 * feature's paths or pages.
 */
export interface FeatureEntry {
  /**
   * Names the menu item and home card in the catalogs (`nav.<key>`, `modules.<key>`), in test ids
   * (`module-<key>`), and a catalog collision (see i18n/catalogs.ts).
   */
  key: string;
  /** Where the feature's pages live; the menu item and home card lead here. */
  path?: string;
  /** The pages, mounted at `path/*` (at `/` exactly for the home page). A `React.lazy` component loads on first visit. */
  routes?: ComponentType;
  /** A4 print views, each at `/print/<path>`, outside the application frame (build them from components/print). */
  printRoutes?: readonly PrintRoute[];
  /** The menu item: 'module' items in list order, 'admin' items under 系统管理. None: reached by links only. */
  menu?: MenuItem;
  /** A card on the home page, for the users who see the menu item. */
  homeCard?: boolean;
  /**
   * A small widget the frame shows above every page (e.g. roster's "on duty now"), for the users who see the
   * feature's menu item. The shell knows no feature: it renders whatever the entries register, in list order.
   */
  frameWidget?: ComponentType;
  /** false for a module of the product outline that does not exist yet: it says so on its card and page. */
  built?: boolean;
  /** The feature's strings, zh-CN and en (`i18n.zh-CN.ts`, `i18n.en.ts` in its folder). */
  catalogs: FeatureCatalogs;
  /**
   * Tabs this feature adds to a stay's page (intake's), which lists every feature's without knowing any: the stay
   * page may not import another feature, and the feature may not import intake.
   */
  staySections?: readonly StaySection[];
  /**
   * Cards this feature adds to the settings page (roster's duty settings and checkpoints), which lists every
   * feature's, in list order, without knowing any: the settings feature may not import another feature.
   */
  settingsCards?: readonly SettingsCard[];
  /**
   * The pages of this feature's records, by the entity an alert or handover line names (`AlertLine.entity`, e.g.
   * `stay`): the handover and the board link a line through these without knowing any feature's routes. An entity
   * no feature registers has no page, and its line stays text.
   */
  entityLinks?: EntityLinks;
  /**
   * A handover line's `detail` (a state, a category, a day of the stay clock) in words, for the sections of the alert
   * features this renderer feature speaks for, by `HandoverSection.feature` (intake's `intake`). The handover shows
   * every section's lines through these without knowing any feature; without one, a detail is looked up as
   * `<feature>.handover.detail.<detail>` in the catalogs.
   */
  lineDetails?: Readonly<Record<string, LineDetail>>;
}

/** `(t, 'departures', 'return_home') => '返乡'`: a line's detail in words, by the section's name within its feature. */
export type LineDetail = (t: TFunction, section: string, detail: string) => string;

/** A card on the settings page, owned by another feature. */
export interface SettingsCard {
  /** Unique on the page; the card's test id is `settings-card-<key>`. */
  key: string;
  /** Shown to users with this permission (none: to everyone who opens the settings page). */
  permission?: Permission;
  component: ComponentType;
}

/** `{ stay: (id) => '/intake/stay/' + id }`: the path in the app of a record, by its entity. */
export type EntityLinks = Readonly<Record<string, (id: number) => string>>;

/** A tab on a stay's page, owned by another feature (stock's "supplies given"). */
export interface StaySection {
  /** The tab's key, unique on the page. */
  key: string;
  /** Its title, a catalog key of the feature's own. */
  label: string;
  /** Shown to users with this permission (none: to everyone who sees the stay). */
  permission?: Permission;
  /** The tab's content; `open`: the stay is still open (things may still be given or recorded). */
  component: ComponentType<{ stayId: number; open: boolean }>;
}

export interface MenuItem {
  group: 'module' | 'admin';
  icon: ReactNode;
  /** Shown to users with this permission (none: to everyone); the main process enforces it on every call. */
  permission?: Permission;
}

export interface PrintRoute {
  /** Under /print/, e.g. `intake/:stayId`. */
  path: string;
  element: ReactNode;
}

/** A feature with a menu item, which the menu and the home page list. */
export type MenuEntry = FeatureEntry & { path: string; menu: MenuItem };

/** The entries this user's menu shows, in list order. */
export function menuEntries(features: readonly FeatureEntry[], permissions: readonly string[], group: MenuItem['group']): MenuEntry[] {
  return features.filter(
    (f): f is MenuEntry => f.path !== undefined && f.menu?.group === group && (f.menu.permission === undefined || permissions.includes(f.menu.permission)),
  );
}

/** What a permission-gated part of an entry shows to this user: none set, or one the user has. */
const allowed = (permissions: readonly string[], permission: Permission | undefined) => permission === undefined || permissions.includes(permission);

/** Every feature's settings cards this user may see, in list order. */
export function settingsCards(features: readonly FeatureEntry[], permissions: readonly string[]): SettingsCard[] {
  return features.flatMap((f) => f.settingsCards ?? []).filter((c) => allowed(permissions, c.permission));
}

/**
 * The page of the record an alert line names, or undefined: no feature registered its entity, or the user does not
 * see that feature's menu item (the page would only refuse them).
 */
export function entityPath(features: readonly FeatureEntry[], permissions: readonly string[], entity: string, id: number): string | undefined {
  const owner = features.find((f) => f.entityLinks && Object.hasOwn(f.entityLinks, entity) && f.built !== false && allowed(permissions, f.menu?.permission));
  return owner?.entityLinks![entity]!(id);
}

/**
 * The registry, as the pages that list features (the menu, the home page) read it. A context rather than an
 * import of app/features.ts: that list imports every feature, so a feature importing it would import the others.
 */
export const FeaturesContext = createContext<readonly FeatureEntry[]>([]);
export const useFeatures = () => useContext(FeaturesContext);

/** A feature's pages in a chunk of their own (issue 12: the first load carries only the frame and the home page). */
export type LazyPages<P extends object = object> = LazyExoticComponent<ComponentType<P>> & {
  /** Fetches the chunk ahead of the first visit; the same promise every time. */
  load: () => Promise<unknown>;
};

/** `React.lazy` with a `load()` that the frame calls after sign-in and tests await, instead of a fixed wait. */
export function lazyPages<P extends object = object>(load: () => Promise<ComponentType<P>>): LazyPages<P> {
  let loaded: { default: ComponentType<P> } | undefined;
  let chunk: Promise<{ default: ComponentType<P> }> | undefined;
  const get = () => (chunk ??= load().then((c) => (loaded = { default: c })));
  // A chunk already loaded answers at once: React.lazy then renders the page in the same pass instead of suspending
  // it for a tick (which would hold a navigation's transition, menu and all, for a frame).
  const now = () => (loaded ? ({ then: (ok: (m: { default: ComponentType<P> }) => void) => ok(loaded!) } as unknown as Promise<{ default: ComponentType<P> }>) : get());
  return Object.assign(lazy(now), { load: get });
}

/** Loads every lazy page of these features (routes, print views, settings cards and stay tabs). */
export function preloadPages(features: readonly FeatureEntry[]): Promise<unknown> {
  const loaders = features.flatMap((f) => [
    f.routes,
    ...(f.printRoutes ?? []).map((r) => (r.element as { type?: unknown } | null)?.type),
    ...(f.settingsCards ?? []).map((c) => c.component),
    ...(f.staySections ?? []).map((x) => x.component),
  ]);
  return Promise.all(loaders.map((c) => (c as Partial<LazyPages> | undefined)?.load?.()));
}
