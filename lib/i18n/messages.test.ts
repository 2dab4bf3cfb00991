import { describe, expect, it } from 'vitest';
import { createTranslator, message, type Catalogue } from './messages';
import english from '../../public/_locales/en/messages.json';

const catalogue: Catalogue = {
  plain: { message: 'Hello' },
  named: {
    message: '$Count$ requests to $host$ failed (cost: $$5)',
    placeholders: { count: { content: '$1' }, host: { content: '$2' } },
  },
  wrapper: { message: '$inner$: done', placeholders: { inner: { content: '$1' } } },
  unknownPlaceholder: { message: 'keep $this$' },
};
const t = createTranslator(catalogue);

describe('createTranslator', () => {
  it('expands named placeholders case-insensitively, and $$ to a dollar sign', () => {
    expect(t({ key: 'named' as never, subs: [3, 'api.example'] })).toBe(
      '3 requests to api.example failed (cost: $5)',
    );
  });

  it('renders a nested message first', () => {
    expect(t({ key: 'wrapper' as never, subs: [{ key: 'plain' as never }] })).toBe('Hello: done');
  });

  it('shows a missing key as the key, and leaves unknown placeholders as written', () => {
    expect(t({ key: 'nope' as never })).toBe('nope');
    expect(t({ key: 'unknownPlaceholder' as never })).toBe('keep $this$');
    expect(t({ key: 'named' as never })).toBe(' requests to  failed (cost: $5)');
  });

  it('renders the real English catalogue', () => {
    expect(createTranslator(english)(message('extName'))).toBe('Gateway Doctor');
  });
});
