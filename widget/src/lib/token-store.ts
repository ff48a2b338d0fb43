/**
 * Where a signed-in token is kept between page loads, when the host asks for it with
 * `storage-key`. Storage can be missing or refuse access (private modes, sandboxed frames):
 * then nothing is kept, and nothing throws.
 */
export const tokenStore = {
  get(key: string): string {
    if (!key) return '';
    try {
      return globalThis.localStorage?.getItem(key) ?? '';
    } catch {
      return '';
    }
  },
  set(key: string, token: string): void {
    if (!key) return;
    try {
      if (token) globalThis.localStorage?.setItem(key, token);
      else globalThis.localStorage?.removeItem(key);
    } catch {
      // storage refused: the session lasts as long as the page
    }
  },
};
