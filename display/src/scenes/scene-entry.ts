import type { Component } from 'svelte';
import type { FeedSpec, FeedView } from '../../../shared/client/feed.svelte.ts';
import type { ErrorCode } from '../../../shared/errors.ts';
import type { Playlist } from '../../../shared/media.ts';
import type { Scene, SceneKind } from '../../../shared/scenes.ts';
import type { Venue } from '../../../shared/venues.ts';
import type { DisplayKey } from '../i18n/catalog.ts';

/** One kind of scene (shared/scenes.ts holds its schema). */
type SceneOf<K extends SceneKind> = Extract<Scene, { kind: K }>;

/** What every scene is drawn with, beside its own fields: where and how it is shown. */
export interface SceneContext {
  /** A real screen (false: a console monitor or thumbnail, which shows a still). */
  live: boolean;
  kioskUrl: string;
  /** The venue of the screen showing it (join QRs carry it). */
  venueId: string | null;
  /** The hub's clock (null in the console: the page's own clock stands in). */
  clock: { now(): number } | null;
  /** When the scene went on air, on the hub's clock: a loop plays on this schedule. */
  epoch: number;
  /** A loop's playlist (sent with the program). */
  playlist: Playlist | null;
}

/** What a scene's component gets: its scene, the context, the data of its feed (or null) and why that feed failed. */
export interface SceneProps<K extends SceneKind, D = unknown> {
  scene: SceneOf<K>;
  context: SceneContext;
  feed: FeedView<D> | null;
  problem: ErrorCode | null;
}

/** What the console's form offers a scene's fields to choose from. */
interface SceneChoices {
  playlists: Playlist[];
  venues: Venue[];
}

/** A kind's fields in the console: they edit a scene of the kind in place (bindable). */
export interface SceneFormProps<K extends SceneKind> {
  scene: SceneOf<K>;
  choices: SceneChoices;
}

/**
 * Everything about one kind of scene, in its own folder (display/src/scenes/<kind>/): how it is
 * drawn, what it follows on the hub, and how the console builds one. The registry (registry.ts)
 * lists them; SceneView, the screens and the console's scene builder read only the registry.
 */
// The registry erases each entry's data type (a component wanting its own feed's data is not one
// that takes any data); SceneView hands each view the feed its own entry declared.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export interface SceneEntry<K extends SceneKind, D = any> {
  kind: K;
  view: Component<SceneProps<K, D>>;
  /** The hub data a screen follows while the scene is on air; none if it needs only its own fields. */
  feed?: (scene: SceneOf<K>) => FeedSpec<D>;
  /** The console's fields for the kind; none: the hint stands alone. */
  form?: Component<SceneFormProps<K>, object, 'scene'>;
  /** The console says what the kind shows (and, without a form, that nothing needs filling). */
  hint?: DisplayKey;
  /** A new scene of the kind in the console's form. */
  blank(choices: SceneChoices): SceneOf<K>;
  /** Tidies what was typed before the hub checks it (trims, leaves out empty optional fields). */
  tidy?(scene: SceneOf<K>): SceneOf<K>;
}

export type SceneRegistry = { [K in SceneKind]: SceneEntry<K> };

/** A registry entry, typed by its kind. */
export const sceneEntry = <K extends SceneKind, D>(entry: SceneEntry<K, D>): SceneEntry<K, D> => entry;
