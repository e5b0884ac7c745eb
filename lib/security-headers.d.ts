export const DYNAMIC_PAGES: string[];
export function contentSecurityPolicy(scriptSource: string, production: boolean): string;
export function baseHeaders(production: boolean): Array<{ key: string; value: string }>;
