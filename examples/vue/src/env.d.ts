/// <reference types="vite/client" />

interface ImportMetaEnv {
  /** The Parley server (default http://localhost:8080). */
  readonly VITE_PARLEY_URL?: string;
}
