import { tokenFromHash } from "../shared/token";

export const TOKEN_KEY = "conductor.token";

/**
 * The token this tab uses: the URL fragment's `#token=` when present (then removed from the address bar, so it
 * is not bookmarked or shared by accident), else the one kept for this tab.
 */
export function takeToken(storage: Storage, loc: Location, hist: History): string | null {
  const fromHash = tokenFromHash(loc.hash);
  if (fromHash) {
    storage.setItem(TOKEN_KEY, fromHash);
    hist.replaceState(null, "", loc.pathname + loc.search);
    return fromHash;
  }
  return storage.getItem(TOKEN_KEY);
}
