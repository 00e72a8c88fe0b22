// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import {
  findShortcut,
  isTypingTarget,
  listShortcuts,
  registerShortcut,
  type Shortcut,
} from './shortcut-registry.ts';

const press = (key: string, mod = false) => ({ key, ctrlKey: mod, metaKey: false, altKey: false });

function shortcut(id: string, keys: string[], whileTyping = false): Shortcut {
  return { id, keys, description: id, group: 'General', whileTyping, run: () => undefined };
}

describe('shortcut registry', () => {
  it('registers, replaces by id and unregisters', () => {
    const off = registerShortcut(shortcut('a', ['e']));
    const again = registerShortcut(shortcut('a', ['x']));
    expect(
      listShortcuts()
        .filter((item) => item.id === 'a')
        .map((item) => item.keys),
    ).toEqual([['x']]);
    off();
    expect(listShortcuts().some((item) => item.id === 'a')).toBe(true);
    again();
    expect(listShortcuts().some((item) => item.id === 'a')).toBe(false);
  });

  it('matches chords, single keys and sequences; never a plain key while typing', () => {
    const list = [shortcut('palette', ['mod+k'], true), shortcut('edit', ['e']), shortcut('home', ['g h'])];
    expect(findShortcut(list, press('k', true), null, false)).toBe(list[0]);
    expect(findShortcut(list, press('K', true), null, true)).toBe(list[0]);
    expect(findShortcut(list, press('k'), null, false)).toBeNull();
    expect(findShortcut(list, press('e'), null, false)).toBe(list[1]);
    expect(findShortcut(list, press('e', true), null, false)).toBeNull();
    expect(findShortcut(list, press('e'), null, true)).toBeNull();
    expect(findShortcut(list, press('g'), null, false)).toBe('pending');
    expect(findShortcut(list, press('h'), 'g', false)).toBe(list[2]);
    expect(findShortcut(list, press('h'), null, false)).toBeNull();
  });

  it('knows where the user types', () => {
    document.body.innerHTML =
      '<input id="i"><textarea id="t"></textarea><div class="cm-editor"><div id="c" contenteditable="true"></div></div><button id="b"></button>';
    for (const id of ['i', 't', 'c']) expect(isTypingTarget(document.getElementById(id))).toBe(true);
    expect(isTypingTarget(document.getElementById('b'))).toBe(false);
    expect(isTypingTarget(document.body)).toBe(false);
  });
});
