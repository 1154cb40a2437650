import { useEffect } from 'react';

/** "受信箱 · Koe" in the browser tab. */
export function useTitle(title: string | null | undefined): void {
  useEffect(() => {
    document.title = title ? `${title} · Koe` : 'Koe';
  }, [title]);
}
