import { useLayoutEffect, useState, type RefObject } from 'react';

/**
 * An element's width in pixels, kept in step as it resizes; measured before the first paint
 * (until then `estimate` stands in for it: a close estimate spares the page a second render
 * and layout before its first paint).
 */
export function useElementWidth(ref: RefObject<HTMLElement | null>, estimate?: number): number {
  const [width, setWidth] = useState(
    () => estimate ?? (typeof window === 'undefined' ? 1280 : window.innerWidth),
  );
  useLayoutEffect(() => {
    const element = ref.current;
    if (!element) return;
    const observer = new ResizeObserver(() => setWidth(element.clientWidth));
    observer.observe(element);
    setWidth(element.clientWidth);
    return () => observer.disconnect();
  }, [ref]);
  return width;
}
