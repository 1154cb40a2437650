import { useState } from 'react';
import type { ReplyScript } from '../../../shared/contracts/conversations.ts';
import { useReplyScripts } from '../../api/scripts.ts';
import { filterScripts } from './ScriptPicker.tsx';

const SHORTCUT = /^\/([a-z0-9_-]*)$/;

/** The "/" script picker's state: open while the text is a lone "/shortcut", or when asked for. */
export function useScriptShortcut(text: string) {
  const scripts = useReplyScripts();
  const [activeIndex, setActiveIndex] = useState(0);
  const [dismissedFor, setDismissedFor] = useState<string | null>(null);
  // Opened from the button: stays open until the text changes.
  const [forcedFor, setForcedFor] = useState<string | null>(null);

  const typed = SHORTCUT.exec(text);
  const query = typed?.[1] ?? '';
  const open = (forcedFor === text || typed !== null) && dismissedFor !== text;
  const matches = open ? filterScripts(scripts.data ?? [], query) : [];
  const active = Math.min(activeIndex, Math.max(matches.length - 1, 0));

  return {
    open,
    matches,
    active,
    typedShortcut: typed !== null,
    setActive: setActiveIndex,
    show: () => {
      setForcedFor(text);
      setDismissedFor(null);
    },
    close: () => {
      setForcedFor(null);
      setDismissedFor(text);
    },
    /** Keyboard handling while open; returns the script to insert on Enter/Tab. */
    onKey: (key: string): ReplyScript | 'handled' | null => {
      if (!open) return null;
      if (key === 'ArrowDown') setActiveIndex((active + 1) % Math.max(matches.length, 1));
      else if (key === 'ArrowUp') setActiveIndex((active - 1 + matches.length) % Math.max(matches.length, 1));
      else if (key === 'Escape') {
        setForcedFor(null);
        setDismissedFor(text);
      } else if (key === 'Enter' || key === 'Tab') return matches[active] ?? 'handled';
      else return null;
      return 'handled';
    },
  };
}
