import type { ComponentChildren } from 'preact';
import { useEffect, useRef } from 'preact/hooks';

/** A page's one h1, which takes the focus when the page opens (so a keyboard user starts there) and names the tab. */
export function PageHeading(props: { title: string; children?: ComponentChildren }) {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    document.title = `${props.title} · catalyst`;
    heading.current?.focus();
  }, [props.title]);
  return (
    <h1 ref={heading} tabIndex={-1}>
      {props.children ?? props.title}
    </h1>
  );
}
