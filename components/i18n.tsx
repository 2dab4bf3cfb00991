import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import type { Message, MessageKey, Substitution, Translate } from '@/lib/i18n/messages';

/**
 * Components render text through the translator their entrypoint provides (the browser's i18n in the extension, a
 * catalogue in tests), so they stay free of browser APIs.
 */
export const TranslateContext = createContext<Translate>(({ key }) => key);

export function useT(): (key: MessageKey | Message, ...subs: Substitution[]) => string {
  const translate = useContext(TranslateContext);
  return (key, ...subs) => translate(typeof key === 'string' ? { key, subs } : key);
}
