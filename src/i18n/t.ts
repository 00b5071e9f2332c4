import zhCN from './zh-CN.json';

/** Every user-facing string lives in zh-CN.json, so an English edition is one more file. */
type Dict = typeof zhCN;
type Leaves<T, P extends string = ''> = {
  [K in keyof T & string]: T[K] extends string ? `${P}${K}` : Leaves<T[K], `${P}${K}.`>;
}[keyof T & string];
export type MessageKey = Leaves<Dict>;

/**
 * Looks up a dotted key and fills `{name}` placeholders. An unknown key is a programming
 * error, so it throws rather than showing the key to a learner.
 */
export function t(key: MessageKey, params: Record<string, string | number> = {}): string {
  let node: unknown = zhCN;
  for (const part of key.split('.')) node = (node as Record<string, unknown>)[part];
  if (typeof node !== 'string') throw new Error(`i18n: missing key ${key}`);
  return node.replace(/\{(\w+)\}/g, (m, name: string) => (name in params ? String(params[name]) : m));
}
