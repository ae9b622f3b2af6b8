import { IN_USE_REASONS, type InUseReason } from '../../shared/venue-setup.ts';

/** Names as stored: trimmed, inner runs of spaces kept (a venue may be called "北京 通州"). */
export const cleanName = (name: string) => name.trim();

/** A name another live (not retired) sibling already has, so two pickers' lines would look the same. */
export function nameTaken(name: string, siblings: { id: string; name: string; retired: boolean }[], ownId: string | undefined): boolean {
  return siblings.some((sibling) => !sibling.retired && sibling.id !== ownId && sibling.name === name);
}

/** The reasons in one fixed order, each once. */
export const orderedReasons = (reasons: InUseReason[]): InUseReason[] => IN_USE_REASONS.filter((reason) => reasons.includes(reason));

/** A fresh id for something set up in the console: a prefix and eight random letters and digits (URL-safe). */
export function newSetupId(prefix: 'v' | 'g' | 'p', random: () => number = Math.random): string {
  const letters = 'abcdefghijkmnpqrstuvwxyz23456789';
  let id = `${prefix}-`;
  for (let index = 0; index < 8; index++) id += letters[Math.floor(random() * letters.length)];
  return id;
}

/** A new order must name each venue exactly once. */
export function isPermutation(ids: string[], existing: string[]): boolean {
  return ids.length === existing.length && new Set(ids).size === ids.length && ids.every((id) => existing.includes(id));
}
