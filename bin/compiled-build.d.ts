// Types of compiled-build.js, for the tests and scripts written in TypeScript.
export declare const STAMP: string;
export declare const COMPILED_MAIN: string;
export declare function sourceListing(root: string): string;
export declare function compiledEntry(root: string, env?: NodeJS.ProcessEnv): string | null;
